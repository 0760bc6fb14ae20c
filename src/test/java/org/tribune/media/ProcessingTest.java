package org.tribune.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.tribune.platform.InvalidInput;

/** The pipeline alone: what goes in with metadata and the wrong way up comes out clean and upright. */
class ProcessingTest {

    @Test
    void aPortraitPhotoStoredSidewaysComesOutPortraitWithNoMetadata() throws IOException {
        byte[] upload = TestPictures.cameraJpeg(2000, 1500, 6);
        assertThat(new String(upload, StandardCharsets.ISO_8859_1))
                .contains("Exif", TestPictures.CAMERA, TestPictures.GPS_MARK, TestPictures.XMP_SECRET, "ICC_PROFILE", TestPictures.COMMENT);
        assertThat(Orientation.of(upload)).isEqualTo(6);

        Processing.Processed done = Processing.process("IMG_0001.JPG", upload, false);

        assertThat(done.width()).isEqualTo(1500);
        assertThat(done.height()).isEqualTo(2000);
        assertThat(done.sizes()).extracting(Processing.Size::width).containsExactly(400, 800, 1500);
        for (Processing.Size size : done.sizes()) {
            for (byte[] file : Processing.writesWebp() ? new byte[][] {size.jpeg(), size.webp()} : new byte[][] {size.jpeg()}) {
                String text = new String(file, StandardCharsets.ISO_8859_1);
                assertThat(text).doesNotContain("Exif", TestPictures.CAMERA, TestPictures.GPS_MARK, "http://ns.adobe.com/xap",
                        TestPictures.XMP_SECRET, "ICC_PROFILE", TestPictures.COMMENT, "IMG_0001");
                assertThat(text).doesNotContain("\u00ff\u00fe"); // no comment segment of our own either
            }
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(size.jpeg()));
            assertThat(image.getHeight()).isGreaterThan(image.getWidth());
            // turned 90° clockwise: the red top-left quarter of the stored pixels is now the top-right quarter
            assertThat(red(image.getRGB(image.getWidth() - 5, 5))).isTrue();
            assertThat(red(image.getRGB(5, 5))).isFalse();
        }
    }

    @Test
    void picturesAreNeverUpscaled() {
        Processing.Processed small = Processing.process("small.png", TestPictures.png(300, 200), false);
        assertThat(small.sizes()).extracting(Processing.Size::width).containsExactly(300);
        Processing.Processed mid = Processing.process("mid.png", TestPictures.png(1000, 500), false);
        assertThat(mid.sizes()).extracting(Processing.Size::width).containsExactly(400, 800, 1000);
        Processing.Processed big = Processing.process("big.jpg", TestPictures.plainJpeg(4000, 3000), false);
        assertThat(big.sizes()).extracting(Processing.Size::width).containsExactly(400, 800, 1600);
        assertThat(big.height()).isEqualTo(1200);
    }

    @Test
    void avatarsAreSquare() {
        Processing.Processed face = Processing.process("me.png", TestPictures.png(900, 600), true);
        assertThat(face.width()).isEqualTo(face.height()).isEqualTo(400);
        assertThat(face.sizes()).extracting(Processing.Size::width).containsExactly(128, 400);
    }

    @Test
    void theModernFormatIsWrittenWhenTheEncoderRunsHere() throws IOException {
        Processing.Processed done = Processing.process("p.png", TestPictures.png(500, 400), false);
        assertThat(Processing.writesWebp()).as("libwebp through webp-imageio runs on this machine").isTrue();
        byte[] webp = done.sizes().getFirst().webp();
        assertThat(new String(webp, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(webp, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
        assertThat(new String(webp, StandardCharsets.ISO_8859_1)).doesNotContain("EXIF", "XMP ", "ICCP");
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(webp));
        assertThat(back.getWidth()).isEqualTo(400);
    }

    @Test
    void bombsAndStrangersAreRefusedByNameBeforeDecoding() {
        assertRefused("bomb.png", TestPictures.pngBomb(), "media.too-many-pixels");
        assertRefused("IMG_1234.HEIC", TestPictures.heic(), "media.heif-unsupported");
        assertRefused("notes.txt", "just words".getBytes(StandardCharsets.UTF_8), "media.unsupported");
        assertRefused("huge.jpg", new byte[Processing.MAX_BYTES + 1], "media.too-large");
        assertRefused("empty.jpg", new byte[0], "media.missing");
        byte[] broken = TestPictures.plainJpeg(300, 200);
        assertRefused("broken.jpg", java.util.Arrays.copyOf(broken, 40), "media.unreadable");
    }

    @Test
    void blurHashFollowsThePublishedAlgorithm() {
        BufferedImage flat = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 32; x++) {
                flat.setRGB(x, y, 0x808080);
            }
        }
        // one colour: size flag (4-1)+(3-1)*9 = 21 -> "L", then the quantised maximum of the AC components (small:
        // sampling cosines at x/width leaves a little energy in the odd ones, as in the reference encoder), then the
        // average colour 0x808080 in four base-83 digits, then 11 AC components of two digits each
        String hash = BlurHash.encode(flat, 4, 3);
        assertThat(hash).hasSize(28).startsWith("L").contains(base83(0x808080, 4));
        assertThat(hash.substring(2, 6)).isEqualTo(base83(0x808080, 4));
        BufferedImage back = BlurHash.decode(hash, 8, 6);
        assertThat(back.getRGB(4, 3) & 0xffffff).isBetween(0x7e7e7e, 0x828282);

        String marked = BlurHash.encode(TestPictures.marked(64, 48), 4, 3);
        BufferedImage drawn = BlurHash.decode(marked, 32, 24);
        // blurred, but the red corner stays redder than blue and the far corner bluer than red
        int corner = drawn.getRGB(2, 2);
        int far = drawn.getRGB(29, 21);
        assertThat((corner >> 16) & 0xff).isGreaterThan(corner & 0xff);
        assertThat(far & 0xff).isGreaterThan((far >> 16) & 0xff);
    }

    private static String base83(int value, int length) {
        String digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";
        StringBuilder out = new StringBuilder();
        for (int i = length - 1; i >= 0; i--) {
            out.append(digits.charAt((int) (value / Math.pow(83, i)) % 83));
        }
        return out.toString();
    }

    private static void assertRefused(String name, byte[] bytes, String code) {
        assertThatThrownBy(() -> Processing.process(name, bytes, false))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.problems().getFirst().code()).isEqualTo(code);
                    assertThat(e.problems().getFirst().args()).first().isEqualTo(name);
                });
    }

    private static boolean red(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int b = rgb & 0xff;
        return r > 150 && b < 100;
    }
}
