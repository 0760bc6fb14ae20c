package org.tribune.account;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
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

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tribune.platform.InvalidInput;

/**
 * Profile pictures. An upload (JPEG or PNG, at most {@value #MAX_BYTES} bytes) is decoded without reading its
 * metadata, cropped to a square of at most {@value #SIDE} pixels, drawn on white and written anew as a JPEG: nothing
 * of the original file is kept but its pixels, so no EXIF, GPS position, camera or comment survives. Files live under
 * {@code <data dir>/avatars} with random names, so every node that shares the data directory serves them.
 */
@Component
class Avatars {
    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int SIDE = 256;
    static final long MAX_PIXELS = 40_000_000L;
    private static final Set<String> FORMATS = Set.of("png", "jpeg");
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final Path directory;

    Avatars(@Value("${tribune.data-dir:./data}") String dataDir) {
        this.directory = Path.of(dataDir, "avatars");
    }

    Path directory() {
        return directory;
    }

    /** Stores the cleaned picture and answers its file name; refuses anything but a sane JPEG or PNG. */
    String store(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw InvalidInput.of("avatar", "avatar.missing");
        }
        if (upload.length > MAX_BYTES) {
            throw InvalidInput.of("avatar", "avatar.too-large");
        }
        BufferedImage image = decode(upload).orElseThrow(() -> InvalidInput.of("avatar", "avatar.unreadable"));
        byte[] jpeg = encode(square(image));
        byte[] name = new byte[16];
        RANDOM.nextBytes(name);
        String file = HexFormat.of().formatHex(name) + ".jpg";
        try {
            Files.createDirectories(directory);
            Files.write(directory.resolve(file), jpeg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    Optional<byte[]> read(String file) {
        if (file == null || !file.matches("[0-9a-f]{32}\\.jpg")) {
            return Optional.empty();
        }
        try {
            Path path = directory.resolve(file);
            return Files.isRegularFile(path) ? Optional.of(Files.readAllBytes(path)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void delete(String file) {
        if (file == null || !file.matches("[0-9a-f]{32}\\.jpg")) {
            return;
        }
        try {
            Files.deleteIfExists(directory.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<BufferedImage> decode(byte[] bytes) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                if (!FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                    return Optional.empty();
                }
                reader.setInput(in, true, true); // metadata is never even parsed
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
                    return Optional.empty();
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.min(width, height) / (2 * SIDE));
                param.setSourceSubsampling(step, step, 0, 0);
                return Optional.of(reader.read(0, param));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static BufferedImage square(BufferedImage source) {
        int side = Math.min(source.getWidth(), source.getHeight());
        int x = (source.getWidth() - side) / 2;
        int y = (source.getHeight() - side) / 2;
        int target = Math.min(SIDE, side);
        BufferedImage out = new BufferedImage(target, target, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, target, target);
            g.drawImage(source, 0, 0, target, target, x, y, x + side, y + side, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.88f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
