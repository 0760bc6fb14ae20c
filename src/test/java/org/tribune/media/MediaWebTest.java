package org.tribune.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.WebClient.Part;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.TokenService;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupMembers;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;

import tools.jackson.databind.JsonNode;

/**
 * Pictures through the API and the pages: uploads answered with their processed sizes, served without metadata,
 * only to those who may read the post, refused by name when they are not pictures, and gone with their post.
 */
@IntegrationTest
class MediaWebTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    GroupMembers groupMembers;
    @Autowired
    TokenService tokens;
    @Autowired
    JdbcClient db;
    @Value("${tribune.data-dir}")
    String dataDir;

    private Group group(Account owner, String visibility) {
        return groups.create(owner, new GroupForm("pic-" + Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 40), 36), "Pictures " + visibility,
                "", "en", visibility, "OPEN", List.of(), false));
    }

    private String token(Account account) {
        return "Bearer " + tokens.createFor(account.id(), "pictures");
    }

    private WebClient signedIn(Account account) {
        WebClient browser = new WebClient(port);
        browser.login(account.email(), Members.PASSWORD);
        return browser;
    }

    private static WebClient.Response upload(WebClient api, String token, String name, byte[] bytes, String description) {
        List<Part> parts = new java.util.ArrayList<>(List.of(Part.file("file", name, "image/jpeg", bytes)));
        if (description != null) {
            parts.add(Part.field("description", description));
        }
        return api.sendMultipart("POST", "/api/v1/media", parts, "Authorization", token);
    }

    private static String created(WebClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    @Test
    void anUploadIsProcessedAndServedUprightWithoutItsMetadata() throws IOException {
        Account ana = members.active("pica");
        Group open = group(ana, "PUBLIC");
        String token = token(ana);
        WebClient api = new WebClient(port);

        WebClient.Response uploaded = api.sendMultipart("POST", "/api/v1/media", List.of(
                Part.file("file", "IMG_2041.JPG", "image/jpeg", TestPictures.cameraJpeg(1200, 900, 6)),
                Part.field("description", "A hoopoe on the fence"), Part.field("focus", "0.5,0.25")),
                "Authorization", token);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        JsonNode json = uploaded.json();
        String id = json.get("id").asString();
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(json.get("width").asInt()).isEqualTo(900);
        assertThat(json.get("height").asInt()).isEqualTo(1200);
        assertThat(json.get("description").asString()).isEqualTo("A hoopoe on the fence");
        assertThat(json.get("blurhash").asString()).hasSize(4 + 2 * 12);
        assertThat(json.get("url").asString()).isEqualTo("/media/" + id + "/900.webp");
        assertThat(uploaded.location()).isEqualTo("/media/" + id + "/900.webp");
        // waiting for its post: its owner's alone
        assertThat(new WebClient(port).getBytes("/media/" + id + "/900.jpg").status()).isEqualTo(404);
        assertThat(signedIn(ana).getBytes("/media/" + id + "/900.jpg").status()).isEqualTo(200);

        WebClient.Response post = api.postJson("/api/v1/groups/" + open.slug() + "/posts",
                Map.of("body", "Look who came by", "media", List.of(id)), "Authorization", token);
        assertThat(post.status()).as(post.body()).isEqualTo(201);
        JsonNode media = post.json().get("media");
        assertThat(media).hasSize(1);
        assertThat(media.get(0).get("id").asString()).isEqualTo(id);
        assertThat(post.json().get("author").has("avatarUrl")).isTrue();

        WebClient visitor = new WebClient(port);
        for (int width : new int[] {400, 800, 900}) {
            for (String format : new String[] {"jpg", "webp"}) {
                WebClient.Bytes served = visitor.getBytes("/media/" + id + "/" + width + "." + format);
                assertThat(served.status()).isEqualTo(200);
                assertThat(served.header("Content-Type")).isEqualTo(format.equals("jpg") ? "image/jpeg" : "image/webp");
                assertThat(served.header("Cache-Control")).contains("public");
                assertThat(served.header("X-Content-Type-Options")).isEqualTo("nosniff");
                String text = new String(served.body(), StandardCharsets.ISO_8859_1);
                assertThat(text).doesNotContain("Exif", "EXIF", TestPictures.CAMERA, TestPictures.GPS_MARK,
                        "http://ns.adobe.com/xap", TestPictures.XMP_SECRET, "ICC_PROFILE", "ICCP", TestPictures.COMMENT,
                        "IMG_2041");
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(served.body()));
                assertThat(image.getWidth()).isEqualTo(width);
                assertThat(image.getHeight()).as("portrait, as the camera meant").isGreaterThan(image.getWidth());
            }
        }
        assertThat(visitor.getBytes("/media/" + id + "/1600.jpg").status()).as("never upscaled").isEqualTo(404);
        WebClient.Bytes placeholder = visitor.getBytes("/media/" + id + "/placeholder.png");
        assertThat(placeholder.status()).isEqualTo(200);
        assertThat(placeholder.header("Content-Type")).isEqualTo("image/png");

        String page = visitor.get("/groups/" + open.slug()).body();
        assertThat(page).contains("<picture>", "type=\"image/webp\"", "/media/" + id + "/400.webp 400w",
                "alt=\"A hoopoe on the fence\"", "width=\"900\"", "height=\"1200\"", "/media/" + id + "/placeholder.png",
                "fx-5 fy-3");
        assertThat(page).doesNotContain("style=");
    }

    @Test
    void picturesOfAPrivateGroupAreOnlyForItsReaders() {
        Account owner = members.active("pico");
        Account stranger = members.active("pics");
        Group secret = group(owner, "PRIVATE");
        String token = token(owner);
        WebClient api = new WebClient(port);
        String id = created(upload(api, token, "secret.png", TestPictures.png(640, 480), "Our plans"));
        WebClient.Response post = api.postJson("/api/v1/groups/" + secret.slug() + "/posts",
                Map.of("body", "Members only", "media", List.of(id)), "Authorization", token);
        assertThat(post.status()).as(post.body()).isEqualTo(201);

        WebClient.Bytes mine = signedIn(owner).getBytes("/media/" + id + "/400.jpg");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.header("Cache-Control")).contains("private").contains("no-cache").doesNotContain("public");

        for (WebClient refused : List.of(new WebClient(port), signedIn(stranger))) {
            for (String path : List.of("/400.jpg", "/400.webp", "/640.jpg", "/placeholder.png")) {
                assertThat(refused.getBytes("/media/" + id + path).status()).as(path).isEqualTo(404);
            }
        }
        // the answer is the same as for a picture that does not exist
        WebClient.Bytes none = signedIn(stranger).getBytes("/media/0123456789abcdef0123456789abcdef/400.jpg");
        assertThat(none.status()).isEqualTo(404);
    }

    @Test
    void othersPicturesCannotBeAttachedNorDescribed() {
        Account ana = members.active("picx");
        Account eve = members.active("picy");
        Group open = group(ana, "PUBLIC");
        groupJoining.join(eve, open.slug(), List.of());
        String anaToken = token(ana);
        String eveToken = token(eve);
        WebClient api = new WebClient(port);
        String anas = created(upload(api, anaToken, "a.png", TestPictures.png(300, 300), null));
        String eves = created(upload(api, eveToken, "e.png", TestPictures.png(300, 300), null));

        WebClient.Response stolen = api.postJson("/api/v1/groups/" + open.slug() + "/posts",
                Map.of("body", "mine now", "media", List.of(anas)), "Authorization", eveToken);
        assertThat(stolen.status()).isEqualTo(400);
        assertThat(stolen.body()).contains(anas);
        assertThat(api.sendJson("PATCH", "/api/v1/media/" + anas, Map.of("description", "defaced"),
                "Authorization", eveToken).status()).isEqualTo(404);

        WebClient.Response described = api.sendJson("PATCH", "/api/v1/media/" + eves, Map.of("description", "A cat"),
                "Authorization", eveToken);
        assertThat(described.status()).as(described.body()).isEqualTo(200);
        assertThat(described.json().get("description").asString()).isEqualTo("A cat");
        assertThat(api.postJson("/api/v1/groups/" + open.slug() + "/posts", Map.of("media", List.of(eves)),
                "Authorization", eveToken).status()).as("a picture alone is a post").isEqualTo(201);
        assertThat(api.sendJson("PATCH", "/api/v1/media/" + eves, Map.of("description", "later"),
                "Authorization", eveToken).status()).as("published: part of the post").isEqualTo(409);
        assertThat(api.postJson("/api/v1/groups/" + open.slug() + "/posts", Map.of("body", "again", "media", List.of(eves)),
                "Authorization", eveToken).status()).as("already on a post").isEqualTo(400);

        List<String> five = Stream.generate(() -> created(upload(api, anaToken, "p.png", TestPictures.png(100, 100), null)))
                .limit(5).toList();
        assertThat(api.postJson("/api/v1/groups/" + open.slug() + "/posts", Map.of("body", "too many", "media", five),
                "Authorization", anaToken).status()).isEqualTo(400);
        assertThat(api.sendJson("PATCH", "/api/v1/media/" + anas, Map.of("description", "x".repeat(1501)),
                "Authorization", anaToken).status()).isEqualTo(400);
    }

    @Test
    void filesThatAreNotPicturesAreRefusedByName() {
        Account ana = members.active("picb");
        String token = token(ana);
        WebClient api = new WebClient(port);
        Map<String, byte[]> bad = Map.of("notes.txt", "hello".getBytes(StandardCharsets.UTF_8),
                "bomb.png", TestPictures.pngBomb(), "IMG_7.HEIC", TestPictures.heic());
        bad.forEach((name, bytes) -> {
            WebClient.Response refused = upload(api, token, name, bytes, null);
            assertThat(refused.status()).as(name).isEqualTo(400);
            assertThat(refused.header("Content-Type")).contains("application/problem+json");
            assertThat(refused.body()).contains(name);
        });
        WebClient.Response noFile = api.sendMultipart("POST", "/api/v1/media", List.of(Part.field("description", "x")),
                "Authorization", token);
        assertThat(noFile.status()).isEqualTo(400);
        WebClient.Response badFocus = api.sendMultipart("POST", "/api/v1/media", List.of(
                Part.file("file", "f.png", "image/png", TestPictures.png(50, 50)), Part.field("focus", "2,nope")),
                "Authorization", token);
        assertThat(badFocus.status()).isEqualTo(400);
        WebClient.Response anonymous = upload(new WebClient(port), "Bearer trb_not-a-token", "a.png", TestPictures.png(50, 50), null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(db.sql("select count(*) from media where owner_id = ?").param(ana.id()).query(Long.class).single()).isZero();
    }

    @Test
    void aDeletedPostTakesItsPicturesFilesWithIt() throws IOException {
        Account ana = members.active("picd");
        Group open = group(ana, "PUBLIC");
        String token = token(ana);
        WebClient api = new WebClient(port);
        String id = created(upload(api, token, "gone.png", TestPictures.png(900, 600), "Soon gone"));
        WebClient.Response post = api.postJson("/api/v1/groups/" + open.slug() + "/posts",
                Map.of("body", "Ephemeral", "media", List.of(id)), "Authorization", token);
        String postId = post.json().get("id").asString();
        WebClient.Response comment = api.postJson("/api/v1/posts/" + postId + "/comments",
                Map.of("media", List.of(created(upload(api, token, "c.png", TestPictures.png(200, 200), "reply")))),
                "Authorization", token);
        assertThat(comment.status()).as(comment.body()).isEqualTo(201);
        String commentPicture = comment.json().get("media").get(0).get("id").asString();
        assertThat(files(id)).hasSize(6); // 400, 800, 900 in JPEG and WebP
        assertThat(files(commentPicture)).hasSize(2);

        assertThat(api.delete("/api/v1/posts/" + postId, "Authorization", token).status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(files(id)).isEmpty();
            assertThat(files(commentPicture)).isEmpty();
        });
        assertThat(db.sql("select count(*) from media where id in (?, ?)").params(id, commentPicture)
                .query(Long.class).single()).isZero();
        assertThat(new WebClient(port).getBytes("/media/" + id + "/400.jpg").status()).isEqualTo(404);
    }

    @Test
    void aReplyUnderACommentTakesOnePictureWithItsDescriptionWithoutJavaScript() {
        Account ana = members.active("picr");
        Account bob = members.active("picq");
        Account stranger = members.active("picz");
        Group club = group(ana, "PRIVATE");
        groupMembers.invite(ana, club.slug(), bob.handle());
        groupJoining.join(bob, club.slug(), List.of());
        WebClient anas = signedIn(ana);
        String csrf = anas.get("/groups/" + club.slug()).csrf();
        WebClient.Response published = anas.sendMultipart("POST", "/groups/" + club.slug() + "/posts", List.of(
                Part.field("_csrf", csrf), Part.field("body", "Our garden")));
        String postPath = published.location().replaceAll("^https?://[^/]+", "").replaceAll("#.*", "");
        WebClient.Response commented = anas.sendMultipart("POST", postPath + "/comments", List.of(
                Part.field("_csrf", csrf), Part.field("body", "The roses")));
        String commentId = commented.location().replaceAll(".*#c", "");

        WebClient bobs = signedIn(bob);
        String thread = bobs.get(postPath).body();
        assertThat(thread).as("the reply form under the comment").contains("id=\"reply-" + commentId + "-photo1\"",
                "name=\"photo1\"", "id=\"reply-" + commentId + "-description1\"").contains("enctype=\"multipart/form-data\"");
        WebClient.Response replied = bobs.sendMultipart("POST", postPath + "/comments", List.of(
                Part.field("_csrf", bobs.get(postPath).csrf()), Part.field("parentId", commentId), Part.field("body", ""),
                Part.file("photo1", "IMG_0042.jpg", "image/jpeg", TestPictures.cameraJpeg(640, 480, 1)),
                Part.field("description1", "Red roses by the wall"),
                Part.file("photo2", "second.png", "image/png", TestPictures.png(100, 100))));
        assertThat(replied.status()).as(replied.body()).isEqualTo(302);
        String replyId = replied.location().replaceAll(".*#c", "");
        assertThat(replyId).isNotEqualTo(commentId);
        assertThat(db.sql("select count(*) from media where owner_id = ?").param(bob.id()).query(Long.class).single())
                .as("one picture per comment: a second file is not read").isEqualTo(1L);

        String shown = bobs.get(postPath).body();
        int reply = shown.indexOf("id=\"c" + replyId + "\"");
        assertThat(reply).isPositive();
        String replyHtml = shown.substring(reply, shown.indexOf("</li>", reply));
        assertThat(replyHtml).contains("alt=\"Red roses by the wall\"", "640.webp 640w", "width=\"640\"", "height=\"480\"")
                .doesNotContain("IMG_0042");
        java.util.regex.Matcher src = java.util.regex.Pattern.compile("/media/([0-9a-f]{32})/400\\.jpg").matcher(replyHtml);
        assertThat(src.find()).isTrue();
        assertThat(bobs.getBytes("/media/" + src.group(1) + "/400.jpg").status()).isEqualTo(200);
        assertThat(signedIn(stranger).getBytes("/media/" + src.group(1) + "/400.jpg").status()).as("not a member").isEqualTo(404);

        WebClient strangers = signedIn(stranger);
        WebClient.Response refused = strangers.sendMultipart("POST", postPath + "/comments", List.of(
                Part.field("_csrf", strangers.get("/").csrf()), Part.field("parentId", commentId),
                Part.file("photo1", "x.png", "image/png", TestPictures.png(100, 100)), Part.field("description1", "x")));
        assertThat(refused.status()).as("a reply in a private group by a non-member").isEqualTo(404);
        assertThat(db.sql("select count(*) from media where owner_id = ?").param(stranger.id()).query(Long.class).single())
                .as("nothing uploaded for a post the replier may not read").isZero();
    }

    @Test
    void anAvatarSetThroughTheApiShowsOnEveryPost() {
        Account ana = members.active("picv");
        String token = token(ana);
        WebClient api = new WebClient(port);
        WebClient.Response set = api.sendMultipart("PUT", "/api/v1/me/avatar",
                List.of(Part.file("file", "face.jpg", "image/jpeg", TestPictures.cameraJpeg(600, 800, 1))),
                "Authorization", token);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        String url = set.json().get("avatarUrl").asString();
        assertThat(url).matches("/media/[0-9a-f]{32}/128\\.jpg");
        assertThat(api.get("/api/v1/me", "Authorization", token).json().get("avatarUrl").asString()).isEqualTo(url);
        WebClient.Bytes face = new WebClient(port).getBytes(url);
        assertThat(face.status()).isEqualTo(200);
        assertThat(new String(face.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif", TestPictures.CAMERA);

        assertThat(api.get("/api/v1/users/" + ana.handle(), "Authorization", token).json().get("avatarUrl").asString())
                .isEqualTo(url);
        WebClient.Response post = api.postJson("/api/v1/posts", Map.of("body", "Hello from my profile"), "Authorization", token);
        assertThat(post.json().get("author").get("avatarUrl").asString()).isEqualTo(url);
        assertThat(new WebClient(port).get("/p/" + post.json().get("id").asString()).body()).contains(url);

        WebClient.Response replaced = api.sendMultipart("PUT", "/api/v1/me/avatar",
                List.of(Part.file("file", "face2.png", "image/png", TestPictures.png(300, 300))), "Authorization", token);
        assertThat(replaced.json().get("avatarUrl").asString()).isNotEqualTo(url).endsWith("/128.jpg");
        assertThat(new WebClient(port).getBytes(url).status()).as("the old picture is gone").isEqualTo(404);
    }

    @Test
    void groupOwnersSetABannerAndAnIconThatOnlyThoseWhoSeeTheGroupSee() {
        Account owner = members.active("picg");
        Account member = members.active("picm");
        Account outsider = members.active("picn");
        Group hidden = group(owner, "HIDDEN");
        groupMembers.invite(owner, hidden.slug(), member.handle());
        groupJoining.join(member, hidden.slug(), List.of());
        WebClient owners = signedIn(owner);
        for (String kind : List.of("banner", "icon")) {
            String csrf = owners.get("/groups/" + hidden.slug() + "/settings").csrf();
            WebClient.Response saved = owners.sendMultipart("POST", "/groups/" + hidden.slug() + "/" + kind, List.of(
                    Part.field("_csrf", csrf), Part.file("file", kind + ".png", "image/png", TestPictures.png(1200, 400))));
            assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        }
        WebClient members = signedIn(member);
        String page = members.get("/groups/" + hidden.slug()).body();
        java.util.regex.Matcher icon = java.util.regex.Pattern.compile("src=\"(/media/[0-9a-f]{32}/128\\.jpg)\" alt=\"\" width=\"48\"")
                .matcher(page);
        assertThat(icon.find()).as(page).isTrue();
        assertThat(page).contains("class=\"group-banner\"", "1200.webp 1200w");
        WebClient.Bytes seen = members.getBytes(icon.group(1));
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.header("Cache-Control")).contains("private");
        assertThat(signedIn(outsider).getBytes(icon.group(1)).status()).as("a hidden group's icon").isEqualTo(404);
        assertThat(new WebClient(port).getBytes(icon.group(1)).status()).isEqualTo(404);

        String csrf = members.get("/groups/" + hidden.slug()).csrf();
        WebClient.Response refused = members.sendMultipart("POST", "/groups/" + hidden.slug() + "/icon", List.of(
                Part.field("_csrf", csrf), Part.file("file", "mine.png", "image/png", TestPictures.png(100, 100))));
        assertThat(refused.status()).as("members who do not own the group").isEqualTo(403);
    }

    /** The stored files of a picture, under the data directory (the test run's storage). */
    private List<Path> files(String id) throws IOException {
        Path root = Path.of(dataDir, "media", id.substring(0, 2));
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.list(root)) {
            return all.filter(p -> p.getFileName().toString().startsWith(id + "-")).toList();
        }
    }
}
