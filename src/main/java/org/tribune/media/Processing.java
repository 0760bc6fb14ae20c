package org.tribune.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribune.platform.InvalidInput;

/**
 * Turns an upload into the files we serve. The format is recognised by its first bytes; the size in pixels is read
 * from the header and a picture over {@value #MAX_PIXELS} pixels is refused before any pixel is decoded. The pixels
 * are decoded with subsampling (never much more than the largest width we keep), turned as the EXIF orientation
 * says, converted to sRGB and drawn on white; then each width is written anew as JPEG and WebP. No metadata is ever
 * read into the output: EXIF, GPS, XMP, IPTC, comments, thumbnails and colour profiles stay behind.
 */
final class Processing {
    private static final Logger log = LoggerFactory.getLogger(Processing.class);
    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final long MAX_PIXELS = 40_000_000L;
    static final List<Integer> WIDTHS = List.of(400, 800, 1600);
    static final List<Integer> SQUARE_WIDTHS = List.of(128, 400);
    private static final float JPEG_QUALITY = 0.85f;
    private static final float WEBP_QUALITY = 0.8f;
    private static final boolean WEBP = webpWorks();

    /** One stored width in both formats ({@code webp} null when this machine cannot write WebP). */
    record Size(int width, int height, byte[] jpeg, byte[] webp) {
        long bytes() {
            return jpeg.length + (webp == null ? 0 : webp.length);
        }
    }

    /** The processed picture: its size as shown, its stored widths and its placeholder. */
    record Processed(int width, int height, List<Size> sizes, String blurhash) {
        long bytes() {
            return sizes.stream().mapToLong(Size::bytes).sum();
        }

        boolean webp() {
            return sizes.getFirst().webp() != null;
        }
    }

    private enum Format { JPEG, PNG, GIF, WEBP, HEIF, UNKNOWN }

    private Processing() {
    }

    static boolean writesWebp() {
        return WEBP;
    }

    /** The processed picture, or a refusal that names the file. */
    static Processed process(String fileName, byte[] upload, boolean square) {
        String name = fileName == null || fileName.isBlank() ? "?" : fileName.strip();
        if (upload == null || upload.length == 0) {
            throw InvalidInput.of("file", "media.missing", name);
        }
        if (upload.length > MAX_BYTES) {
            throw InvalidInput.of("file", "media.too-large", name, MAX_BYTES / (1024 * 1024));
        }
        Format format = sniff(upload);
        if (format == Format.HEIF) {
            throw InvalidInput.of("file", "media.heif-unsupported", name);
        }
        if (format == Format.UNKNOWN) {
            throw InvalidInput.of("file", "media.unsupported", name);
        }
        int orientation = format == Format.JPEG ? Orientation.of(upload) : 1;
        BufferedImage decoded = decode(name, upload, format, orientation, square);
        BufferedImage upright = Orientation.apply(decoded, orientation);
        BufferedImage picture = square ? squareCrop(upright) : upright;
        List<Integer> wanted = square ? SQUARE_WIDTHS : WIDTHS;
        List<Size> sizes = new ArrayList<>();
        for (int width : wanted) {
            if (width >= picture.getWidth()) {
                break;
            }
            sizes.add(encode(scaled(picture, width)));
        }
        // never wider than the upload: the last size is the picture itself when it is smaller than the next width
        if (sizes.isEmpty() || sizes.getLast().width() < Math.min(picture.getWidth(), wanted.getLast())) {
            sizes.add(encode(picture.getWidth() <= wanted.getLast() ? picture : scaled(picture, wanted.getLast())));
        }
        String blurhash = BlurHash.encode(scaled(picture, Math.min(32, picture.getWidth())),
                picture.getWidth() >= picture.getHeight() ? 4 : 3, picture.getWidth() >= picture.getHeight() ? 3 : 4);
        Size largest = sizes.getLast();
        return new Processed(largest.width(), largest.height(), List.copyOf(sizes), blurhash);
    }

    private static Format sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Format.JPEG;
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Format.PNG;
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return Format.GIF;
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return Format.WEBP;
        }
        if (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            String brand = new String(b, 8, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (List.of("heic", "heix", "hevc", "heim", "heis", "mif1", "msf1", "avif", "avis").contains(brand)) {
                return Format.HEIF;
            }
        }
        return Format.UNKNOWN;
    }

    private static BufferedImage decode(String name, byte[] upload, Format format, int orientation, boolean square) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
            ImageReader reader = reader(in, format).orElseThrow(() -> InvalidInput.of("file", "media.unsupported", name));
            try {
                reader.setInput(in, true, true); // metadata is never read
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw InvalidInput.of("file", "media.unreadable", name);
                }
                if ((long) width * height > MAX_PIXELS) {
                    throw InvalidInput.of("file", "media.too-many-pixels", name, MAX_PIXELS / 1_000_000);
                }
                // Decode only as many pixels as the largest kept width needs: a 24-megapixel photo is read at a third.
                int shownWidth = Orientation.turnsSideways(orientation) ? height : width;
                int shownHeight = Orientation.turnsSideways(orientation) ? width : height;
                int step = square ? Math.min(shownWidth, shownHeight) / SQUARE_WIDTHS.getLast()
                        : shownWidth / WIDTHS.getLast();
                ImageReadParam param = reader.getDefaultReadParam();
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return toSrgb(reader.read(0, param));
            } finally {
                reader.dispose();
            }
        } catch (InvalidInput refused) {
            throw refused;
        } catch (IOException | RuntimeException | OutOfMemoryError unreadable) {
            // Decoders throw all sorts of exceptions on broken files; a broken file is the sender's mistake.
            log.debug("unreadable picture: {}", unreadable.toString());
            throw InvalidInput.of("file", "media.unreadable", name);
        }
    }

    /** Our pure-Java decoders only: the native WebP library encodes what we made, it never reads what others sent. */
    private static java.util.Optional<ImageReader> reader(ImageInputStream in, Format format) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        while (readers.hasNext()) {
            ImageReader candidate = readers.next();
            String formatName;
            try {
                formatName = candidate.getFormatName().toLowerCase(Locale.ROOT);
            } catch (IOException e) {
                continue;
            }
            boolean matches = formatName.equals(format.name().toLowerCase(Locale.ROOT));
            if (matches && !candidate.getClass().getName().startsWith("com.luciad")) {
                return java.util.Optional.of(candidate);
            }
            candidate.dispose();
        }
        return java.util.Optional.empty();
    }

    /** The pixels in sRGB, opaque (transparent parts on white, as our pages are). */
    private static BufferedImage toSrgb(BufferedImage source) {
        BufferedImage image = source;
        ColorSpace space = source.getColorModel().getColorSpace();
        if (!space.isCS_sRGB() && space.getType() != ColorSpace.TYPE_GRAY) {
            BufferedImage converted = new BufferedImage(source.getWidth(), source.getHeight(),
                    source.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            new ColorConvertOp(space, ColorSpace.getInstance(ColorSpace.CS_sRGB), null).filter(source, converted);
            image = converted;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage squareCrop(BufferedImage source) {
        int side = Math.min(source.getWidth(), source.getHeight());
        if (source.getWidth() == side && source.getHeight() == side) {
            return source;
        }
        return source.getSubimage((source.getWidth() - side) / 2, (source.getHeight() - side) / 2, side, side);
    }

    /** The picture at a smaller width, halved step by step first so that fine detail does not alias. */
    static BufferedImage scaled(BufferedImage source, int width) {
        BufferedImage current = source;
        while (current.getWidth() / 2 >= width * 2) {
            current = draw(current, current.getWidth() / 2,
                    Math.max(1, current.getHeight() * (current.getWidth() / 2) / current.getWidth()));
        }
        int height = Math.max(1, (int) Math.round((double) source.getHeight() * width / source.getWidth()));
        return current.getWidth() == width && current.getHeight() == height ? current : draw(current, width, height);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static Size encode(BufferedImage image) {
        return new Size(image.getWidth(), image.getHeight(), write(image, "jpeg", JPEG_QUALITY),
                WEBP ? write(image, "webp", WEBP_QUALITY) : null);
    }

    private static byte[] write(BufferedImage image, String format, float quality) {
        ImageWriter writer = format.equals("webp") ? ImageIO.getImageWritersByMIMEType("image/webp").next()
                : ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            if (param.getCompressionTypes() != null && param.getCompressionTypes().length > 0) {
                param.setCompressionType(param.getCompressionTypes()[0]); // WebP: lossy
            }
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param); // no metadata: nothing of the upload's
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Whether WebP can be written here (libwebp loads through JNI from the jar); otherwise JPEG alone is kept. */
    private static boolean webpWorks() {
        try {
            Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType("image/webp");
            if (!writers.hasNext()) {
                log.warn("No WebP encoder: pictures are kept as JPEG only");
                return false;
            }
            writers.next().dispose();
            BufferedImage probe = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
            ImageWriter writer = ImageIO.getImageWritersByMIMEType("image/webp").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(probe);
            } finally {
                writer.dispose();
            }
            return bytes.size() > 0;
        } catch (IOException | RuntimeException | LinkageError e) {
            log.warn("The WebP encoder does not run here ({}): pictures are kept as JPEG only", e.toString());
            return false;
        }
    }
}
