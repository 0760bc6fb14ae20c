package org.tribune.post.preview;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/** Pictures carrying metadata that must not survive: EXIF with a GPS-like secret, comments, PNG text chunks. */
final class TestPictures {
    private TestPictures() {
    }

    static BufferedImage drawing(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.BLUE, width, height, new Color(255, 128, 0, 128)));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A JPEG with an EXIF (APP1) segment and a comment (COM) segment, both holding {@code secret}. */
    static byte[] jpegWithExif(int width, int height, String secret) {
        byte[] plain = write(drawing(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
        byte[] text = secret.getBytes(StandardCharsets.US_ASCII);
        // "Exif\0\0", then a little-endian TIFF header whose first IFD has no entries, then the secret
        ByteBuffer exif = ByteBuffer.allocate(6 + 8 + 6 + text.length);
        exif.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0})
                .put(new byte[] {0, 0, 0, 0, 0, 0}).put(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        segment(out, 0xE1, exif.array());
        segment(out, 0xFE, text);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        int length = payload.length + 2;
        out.write(0xFF);
        out.write(marker);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.write(payload, 0, payload.length);
    }

    /** A PNG with transparency and a tEXt chunk holding {@code secret}. */
    static byte[] pngWithText(int width, int height, String secret) {
        byte[] plain = write(drawing(width, height, BufferedImage.TYPE_INT_ARGB), "png");
        byte[] data = ("Comment\0" + secret).getBytes(StandardCharsets.ISO_8859_1);
        int afterHeader = 8 + 25; // signature, then the IHDR chunk
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, afterHeader);
        chunk(out, "tEXt", data);
        out.write(plain, afterHeader, plain.length - afterHeader);
        return out.toByteArray();
    }

    /** A PNG whose header claims {@code width} x {@code height}, with the pixels of a tiny picture. */
    static byte[] pngClaiming(int width, int height) {
        byte[] png = write(drawing(2, 2, BufferedImage.TYPE_INT_RGB), "png");
        ByteBuffer header = ByteBuffer.wrap(png, 16, 8);
        header.putInt(width).putInt(height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        return png;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        ByteBuffer buffer = ByteBuffer.allocate(12 + data.length);
        buffer.putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue());
        out.write(buffer.array(), 0, buffer.capacity());
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }
}
