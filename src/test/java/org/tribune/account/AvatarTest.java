package org.tribune.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.platform.InvalidInput;

/** Profile pictures: JPEG or PNG, size-limited, and re-encoded so that no metadata (EXIF, GPS) survives. */
@IntegrationTest
class AvatarTest {
    static final String GPS_MARK = "GPSLatitudeRef";
    static final String CAMERA = "SecretCam 3000";

    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    AccountService accounts;
    @Value("${tribune.data-dir}")
    String dataDir;

    @Test
    void anUploadedPhotoLosesItsExifAndGpsPosition() throws Exception {
        byte[] photo = jpegWithExif();
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("Exif", CAMERA);
        Account ana = members.active("pic");
        WebClient browser = new WebClient(port);
        browser.login(ana.email(), Members.PASSWORD);

        HttpResponse<String> upload = multipart(browser, "/settings/avatar", photo);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(302);
        String path = accounts.avatarPath(ana.id()).orElseThrow();
        assertThat(path).matches("/media/[0-9a-f]{32}/[0-9]+\\.jpg");
        WebClient.Bytes served = new WebClient(port).getBytes(path);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).isEqualTo("image/jpeg");

        String text = new String(served.body(), StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("Exif", CAMERA, GPS_MARK);
        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(served.body()));
        assertThat(image.getWidth()).isEqualTo(image.getHeight()).isLessThanOrEqualTo(400);
        assertThat(browser.get("/@" + ana.handle()).body()).contains(path);
        // the picture moved to the media storage: nothing is written under the old avatars directory
        assertThat(Files.exists(Path.of(dataDir, "avatars", path.substring("/media/".length())))).isFalse();
    }

    @Test
    void anythingButAPictureWeReadIsRefused() {
        Account ana = members.active("bad");
        assertThatThrownBy(() -> accounts.changeAvatar(ana.id(), "a.gif", "GIF89a not really".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> accounts.changeAvatar(ana.id(), "big.jpg", new byte[10 * 1024 * 1024 + 1]))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.byField().get("avatar").code()).isEqualTo("media.too-large");
                    assertThat(e.byField().get("avatar").args()).first().isEqualTo("big.jpg");
                });
        assertThatThrownBy(() -> accounts.changeAvatar(ana.id(), "none.png", new byte[0])).isInstanceOf(InvalidInput.class);
        assertThat(accounts.avatarPath(ana.id())).isEmpty();
        assertThat(new WebClient(port).get("/media/..%2F..%2Fetc%2Fpasswd/400.jpg").status()).isIn(400, 404);
        assertThat(new WebClient(port).get("/media/00000000000000000000000000000000/400.jpg").status()).isEqualTo(404);
    }

    private HttpResponse<String> multipart(WebClient browser, String path, byte[] file) throws IOException, InterruptedException {
        String csrf = browser.get("/settings").csrf();
        String boundary = "----tribune" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"me.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String cookie = browser.cookie("SESSION").map(c -> "SESSION=" + c.getValue()).orElseThrow();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A real JPEG with an APP1 Exif segment: camera model and a GPS position (48°51′N). */
    static byte[] jpegWithExif() throws IOException {
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 400; x++) {
            image.setRGB(x, x % 300, 0x336699);
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", jpeg);
        byte[] plain = jpeg.toByteArray();

        // TIFF header (little endian), IFD0 with Model and a GPS IFD pointer, then the GPS IFD.
        ByteBuffer tiff = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        byte[] model = (CAMERA + "\0").getBytes(StandardCharsets.US_ASCII);
        int ifd0 = 8;
        int ifd0Size = 2 + 2 * 12 + 4;
        int modelAt = ifd0 + ifd0Size;
        int gpsAt = modelAt + model.length + (model.length % 2);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0110).putShort((short) 2).putInt(model.length).putInt(modelAt); // Model
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsAt);            // GPS IFD
        tiff.putInt(0);
        tiff.put(model);
        if (model.length % 2 == 1) {
            tiff.put((byte) 0);
        }
        int gpsSize = 2 + 2 * 12 + 4;
        int latAt = gpsAt + gpsSize;
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0}); // GPSLatitudeRef
        tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(latAt);                 // GPSLatitude
        tiff.putInt(0);
        tiff.putInt(48).putInt(1).putInt(51).putInt(1).putInt(24).putInt(1);
        byte[] marker = GPS_MARK.getBytes(StandardCharsets.US_ASCII); // a readable trace to look for afterwards
        tiff.put(marker);
        byte[] tiffBytes = new byte[tiff.position()];
        tiff.flip();
        tiff.get(tiffBytes);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        byte[] exifHeader = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int length = 2 + exifHeader.length + tiffBytes.length;
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(exifHeader);
        out.write(tiffBytes);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }
}
