import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes the photo of the upload benchmark: a 6000 × 4000 (24-megapixel) JPEG of smooth colours under per-pixel
 * noise, so that it really weighs about 10 MiB like a phone's photo (a plain gradient would weigh a few hundred KiB
 * and decode faster than a real photo). The JPEG quality is searched until the file is just under 10 MiB, the upload
 * limit. Usage: java -Xmx512m bench/media/NoisyJpeg.java <out.jpg>
 */
public class NoisyJpeg {
    static final long LIMIT = 10L * 1024 * 1024;

    public static void main(String[] args) throws IOException {
        int width = 6000, height = 4000;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        SplittableRandom random = new SplittableRandom(16);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int noise = random.nextInt(-18, 19);
                int r = clamp(128 + (int) (100 * Math.sin(x / 700.0)) + noise);
                int g = clamp(128 + (int) (100 * Math.cos(y / 500.0)) + noise);
                int b = clamp((x + y) * 255 / (width + height) + noise);
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        float low = 0.3f, high = 1f;
        byte[] best = null;
        for (int step = 0; step < 8; step++) {
            float q = (low + high) / 2;
            byte[] jpeg = write(image, q);
            System.out.printf("quality %.3f: %.2f MiB%n", q, jpeg.length / 1048576.0);
            if (jpeg.length <= LIMIT) {
                best = jpeg;
                low = q;
            } else {
                high = q;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no quality gives a file under 10 MiB");
        }
        Files.write(Path.of(args[0]), best);
        System.out.printf("wrote %s: %d × %d, %.2f MiB%n", args[0], width, height, best.length / 1048576.0);
    }

    static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    static byte[] write(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        writer.dispose();
        return bytes.toByteArray();
    }
}
