package org.tribune.post.preview;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns a fetched picture into the one we serve: decoded (PNG, JPEG or GIF; its first frame), scaled to fit
 * {@value #MAX_SIDE}x{@value #MAX_SIDE}, then drawn on white and written anew as a JPEG. Nothing of the original
 * file survives but its pixels: no EXIF, GPS position, comments, colour profiles or extra chunks, and no bytes
 * crafted for a browser's decoder.
 */
final class Thumbnails {
    static final int MAX_SIDE = 600;
    /** Pictures larger than this (width x height) are refused, as decompression bombs would be. */
    static final long MAX_PIXELS = 40_000_000L;
    private static final Set<String> FORMATS = Set.of("png", "jpeg", "gif");

    /** The picture we serve. */
    record Thumbnail(byte[] jpeg, int width, int height) {
    }

    private Thumbnails() {
    }

    /** The re-encoded picture, or empty when the bytes are not a readable PNG, JPEG or GIF of a sane size. */
    static Optional<Thumbnail> of(byte[] original) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(original))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                if (!FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                    return Optional.empty();
                }
                reader.setInput(in, true, true); // ignore metadata: it is never even parsed
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
                    return Optional.empty();
                }
                // Decode at most about twice the final size, so a big picture never fills the memory.
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / (2 * MAX_SIDE));
                param.setSourceSubsampling(step, step, 0, 0);
                return Optional.of(encode(scale(reader.read(0, param))));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            // Decoders throw all sorts of runtime exceptions on broken files; a broken picture is just no picture.
            return Optional.empty();
        }
    }

    private static BufferedImage scale(BufferedImage source) {
        double ratio = Math.min(1.0, Math.min((double) MAX_SIDE / source.getWidth(), (double) MAX_SIDE / source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * ratio));
        int height = Math.max(1, (int) Math.round(source.getHeight() * ratio));
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE); // transparent parts become white, as on our pages
            g.fillRect(0, 0, width, height);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static Thumbnail encode(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return new Thumbnail(bytes.toByteArray(), image.getWidth(), image.getHeight());
    }
}
