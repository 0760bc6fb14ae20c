package org.tribune.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;

/** Profile pictures of an earlier version (files of the data directory) show again after an upgrade. */
@IntegrationTest
class EarlierAvatarsTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    AccountService accounts;
    @Autowired
    EarlierAvatars earlier;
    @Autowired
    JdbcClient db;
    @Autowired
    org.tribune.platform.cluster.NodeCaches caches;
    @Value("${tribune.data-dir}")
    String dataDir;

    @Test
    void aPictureOfAnEarlierVersionGoesThroughThePipelineAndItsOldFileGoes() throws Exception {
        Account ana = members.active("old");
        Path old = earlierFile(ana, jpeg());
        assertThat(accounts.avatarPath(ana.id())).as("not served before conversion").isEmpty();

        earlier.convertAll();

        String path = accounts.avatarPath(ana.id()).orElseThrow();
        assertThat(path).matches("/media/[0-9a-f]{32}/[0-9]+\\.jpg");
        WebClient.Bytes served = new WebClient(port).getBytes(path);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(served.body())).getWidth()).isEqualTo(120);
        assertThat(old).doesNotExist();
    }

    @Test
    void aLostOrUnreadableEarlierPictureIsDroppedAndTheRestStillConverts() throws Exception {
        Account lost = members.active("lost");
        Files.delete(earlierFile(lost, jpeg()));
        Account broken = members.active("brk");
        Path brokenFile = earlierFile(broken, "not a picture".getBytes());
        Account fine = members.active("fine");
        earlierFile(fine, jpeg());

        earlier.convertAll();

        assertThat(accounts.byId(lost.id()).orElseThrow().avatarUrl()).isNull();
        assertThat(db.sql("select avatar_file from account where id = ?").param(lost.id()).query(String.class).optional())
                .isEmpty();
        assertThat(db.sql("select avatar_file from account where id = ?").param(broken.id()).query(String.class).optional())
                .isEmpty();
        assertThat(brokenFile).as("never shown again, so not kept").doesNotExist();
        assertThat(accounts.avatarPath(fine.id())).isPresent();
    }

    private Path earlierFile(Account account, byte[] bytes) throws Exception {
        byte[] name = new byte[16];
        ThreadLocalRandom.current().nextBytes(name);
        String file = HexFormat.of().formatHex(name) + ".jpg";
        Path directory = Path.of(dataDir, "avatars");
        Files.createDirectories(directory);
        Path path = directory.resolve(file);
        Files.write(path, bytes);
        db.sql("update account set avatar_file = ? where id = ?").params(file, account.id()).update();
        caches.clearHere(); // written behind the application's back, as an earlier version left it
        return path;
    }

    private static byte[] jpeg() throws Exception {
        BufferedImage image = new BufferedImage(120, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 120, 120);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
