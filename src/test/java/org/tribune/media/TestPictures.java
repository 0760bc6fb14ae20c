package org.tribune.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/**
 * Pictures made for the tests: a camera-like JPEG carrying every kind of metadata we must not serve (EXIF with a
 * camera model, an orientation and a GPS position, XMP, a comment, an ICC profile), PNGs, and files that lie.
 */
public final class TestPictures {
    public static final String CAMERA = "SecretCam 3000";
    public static final String GPS_MARK = "GPSLatitudeRef";
    public static final String XMP_SECRET = "xmp-secret-location";
    public static final String COMMENT = "comment-secret";

    private TestPictures() {
    }

    /** A landscape picture, red in its top-left quarter and blue elsewhere, so that turns can be seen. */
    public static BufferedImage marked(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height / 2);
        g.dispose();
        return image;
    }

    public static byte[] png(int width, int height) {
        return write(marked(width, height), "png");
    }

    public static byte[] plainJpeg(int width, int height) {
        return write(marked(width, height), "jpeg");
    }

    /** A JPEG as a phone writes it: the pixels stored sideways with an EXIF orientation, and metadata all over. */
    public static byte[] cameraJpeg(int width, int height, int orientation) {
        byte[] plain = plainJpeg(width, height);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        segment(out, 0xE1, exif(orientation));
        segment(out, 0xE1, ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">" + XMP_SECRET
                + "</x:xmpmeta>").getBytes(StandardCharsets.UTF_8));
        segment(out, 0xFE, COMMENT.getBytes(StandardCharsets.US_ASCII));
        byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        ByteArrayOutputStream app2 = new ByteArrayOutputStream();
        app2.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII));
        app2.write(1);
        app2.write(1);
        app2.writeBytes(icc);
        segment(out, 0xE2, app2.toByteArray());
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A PNG header that claims 50,000 x 50,000 pixels: a decompression bomb, to be refused before decoding. */
    public static byte[] pngBomb() {
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12).order(ByteOrder.BIG_ENDIAN);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        b.putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(50_000).putInt(50_000)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b.array(), 12, 17);
        b.putInt((int) crc.getValue());
        b.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0xAE426082);
        return b.array();
    }

    /** The start of an iPhone's HEIC file. */
    public static byte[] heic() {
        ByteBuffer b = ByteBuffer.allocate(64);
        b.putInt(24).put("ftypheic".getBytes(StandardCharsets.US_ASCII)).putInt(0)
                .put("mif1heic".getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] content) {
        out.write(0xFF);
        out.write(marker);
        int length = content.length + 2;
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes(content);
    }

    /** "Exif\0\0", then a little-endian TIFF: IFD0 with Model, Orientation and a GPS IFD holding a latitude ref. */
    private static byte[] exif(int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        byte[] model = (CAMERA + "\0").getBytes(StandardCharsets.US_ASCII);
        int entries = 3;
        int modelAt = 8 + 2 + entries * 12 + 4;
        int gpsAt = modelAt + model.length + (model.length % 2);
        tiff.putShort((short) entries);
        tiff.putShort((short) 0x0110).putShort((short) 2).putInt(model.length).putInt(modelAt);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsAt);
        tiff.putInt(0);
        tiff.put(model);
        if (model.length % 2 == 1) {
            tiff.put((byte) 0);
        }
        // GPS IFD: GPSLatitudeRef "N" (inline) — and the tag's name written after it, as some cameras' notes do
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        tiff.putInt(0);
        tiff.put(GPS_MARK.getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream app1 = new ByteArrayOutputStream();
        app1.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        app1.write(tiff.array(), 0, tiff.position());
        return app1.toByteArray();
    }

    static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
