package org.tribune.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
import org.tribune.media.TestPictures;

import tools.jackson.databind.JsonNode;

/**
 * An event's optional picture through the form and the API: set by hosts only, seen by whoever may see the event,
 * served without its metadata, refused (404) to those outside a private group, and its files gone once replaced or
 * removed.
 */
@IntegrationTest
class EventPictureTest {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

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

    private Group group(Account owner, String visibility, Account... people) {
        Group g = groups.create(owner, new GroupForm(EventServiceIntegrationTest.slug(), "Painters", "", "en", visibility,
                "INVITE", List.of(), false));
        for (Account m : people) {
            groupMembers.invite(owner, g.slug(), m.handle());
            groupJoining.join(m, g.slug(), List.of());
        }
        return g;
    }

    private String bearer(Account a) {
        return "Bearer " + tokens.createFor(a.id(), "event-pictures");
    }

    private WebClient signedIn(Account account) {
        WebClient browser = new WebClient(port);
        browser.login(account.email(), Members.PASSWORD);
        return browser;
    }

    private static List<Part> eventFields(String csrf, String title) {
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Europe/Paris")).plusDays(4).withSecond(0).withNano(0);
        return new ArrayList<>(List.of(Part.field("_csrf", csrf), Part.field("title", title),
                Part.field("description", ""), Part.field("start", LOCAL.format(start)),
                Part.field("end", LOCAL.format(start.plusHours(2))), Part.field("timeZone", "Europe/Paris"),
                Part.field("place", "Atelier 5"), Part.field("onlineUrl", ""), Part.field("capacity", "")));
    }

    private static String pictureUrl(String html) {
        Matcher m = Pattern.compile("src=\"(/media/[0-9a-f]{32}/\\d+\\.jpg)\"").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void aHostSetsAPictureOnTheFormMembersSeeItOutsidersDoNot() throws IOException {
        Account host = members.active("eph");
        Account ana = members.active("epa");
        Account outsider = members.active("epo");
        Group g = group(host, "PRIVATE", ana);
        WebClient browser = signedIn(host);

        // without a file the multipart form still works
        String csrf = browser.get("/groups/" + g.slug() + "/events/new").csrf();
        WebClient.Response plain = browser.sendMultipart("POST", "/groups/" + g.slug() + "/events",
                eventFields(csrf, "Sketching, no picture"));
        assertThat(plain.status()).as(plain.body()).isEqualTo(302);
        String plainEvent = plain.location();
        assertThat(pictureUrl(browser.get(plainEvent).body())).isNull();

        List<Part> fields = eventFields(csrf, "Sketching in the park");
        fields.add(Part.file("picture", "IMG_7.JPG", "image/jpeg", TestPictures.cameraJpeg(1200, 900, 6)));
        fields.add(Part.field("pictureDescription", "Easels under the plane trees"));
        WebClient.Response created = browser.sendMultipart("POST", "/groups/" + g.slug() + "/events", fields);
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String page = created.location();
        long eventId = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));

        String seen = signedIn(ana).get(page).body();
        assertThat(seen).contains("<picture>", "alt=\"Easels under the plane trees\"").doesNotContain("no-description");
        String url = pictureUrl(seen);
        assertThat(url).isNotNull();
        WebClient.Bytes served = signedIn(ana).getBytes(url);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Cache-Control")).contains("private");
        assertThat(new String(served.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif", "EXIF",
                TestPictures.CAMERA, TestPictures.GPS_MARK, TestPictures.XMP_SECRET, TestPictures.COMMENT, "IMG_7");

        assertThat(signedIn(outsider).getBytes(url).status()).as("not a member of the private group").isEqualTo(404);
        assertThat(new WebClient(port).getBytes(url).status()).as("a visitor").isEqualTo(404);

        // the API shows the same picture
        JsonNode json = new WebClient(port).get("/api/v1/events/" + eventId, "Authorization", bearer(ana)).json();
        String id = json.get("picture").get("id").asString();
        assertThat(url).startsWith("/media/" + id + "/");
        assertThat(json.get("picture").get("description").asString()).isEqualTo("Easels under the plane trees");
        assertThat(json.get("picture").get("width").asInt()).isEqualTo(900);
        assertThat(files(id)).isNotEmpty();

        // a member who does not host it: no edit form, and no picture change through the page
        WebClient anaBrowser = signedIn(ana);
        List<Part> sneaky = eventFields(anaBrowser.get(page).csrf(), "Mine now");
        sneaky.add(Part.field("removePicture", "true"));
        assertThat(anaBrowser.sendMultipart("POST", page + "/edit", sneaky).status()).isEqualTo(403);
        assertThat(anaBrowser.get(page + "/edit").status()).isEqualTo(403);
        assertThat(signedIn(ana).getBytes(url).status()).as("still there").isEqualTo(200);

        // replacing it on edit removes the old files; an undescribed picture is marked so
        String editCsrf = browser.get(page + "/edit").csrf();
        List<Part> edit = eventFields(editCsrf, "Sketching in the park");
        edit.add(Part.file("picture", "other.png", "image/png", TestPictures.png(800, 600)));
        WebClient.Response edited = browser.sendMultipart("POST", page + "/edit", edit);
        assertThat(edited.status()).as(edited.body()).isEqualTo(302);
        String after = browser.get(page).body();
        assertThat(after).contains("no-description");
        String newUrl = pictureUrl(after);
        assertThat(newUrl).isNotEqualTo(url);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(files(id)).isEmpty());
        assertThat(signedIn(ana).getBytes(url).status()).isEqualTo(404);

        // "remove the picture" on edit
        String newId = newUrl.substring("/media/".length(), "/media/".length() + 32);
        assertThat(browser.get(page + "/edit").body()).contains("removePicture");
        List<Part> remove = eventFields(browser.get(page + "/edit").csrf(), "Sketching in the park");
        remove.add(Part.field("removePicture", "true"));
        assertThat(browser.sendMultipart("POST", page + "/edit", remove).status()).isEqualTo(302);
        assertThat(pictureUrl(browser.get(page).body())).isNull();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(files(newId)).isEmpty());
        assertThat(db.sql("select count(*) from media where id in (?, ?)").params(id, newId).query(Long.class).single())
                .isZero();
    }

    private String eventWithPicture(WebClient host, Group g, String title, String description) {
        List<Part> fields = eventFields(host.get("/groups/" + g.slug() + "/events/new").csrf(), title);
        fields.add(Part.file("picture", "p.png", "image/png", TestPictures.png(1200, 900)));
        fields.add(Part.field("pictureDescription", description));
        WebClient.Response created = host.sendMultipart("POST", "/groups/" + g.slug() + "/events", fields);
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        return created.location();
    }

    /** The small picture of an event in a list page: its alternative text and its laid-out size, 400 × 300. */
    private static String thumb(String description) {
        return "alt=\"" + description + "\" width=\"400\" height=\"300\"";
    }

    @Test
    void eventListsShowASmallPictureOnlyToThoseWhoSeeTheEvent() {
        Account host = members.active("epl");
        Account ana = members.active("epm");
        Account outsider = members.active("epn");
        Group open = group(host, "PUBLIC", ana);
        Group secret = group(host, "PRIVATE", ana);
        WebClient hosts = signedIn(host);
        eventWithPicture(hosts, open, "Open-air sketching", "Easels in the square");
        String secretEvent = eventWithPicture(hosts, secret, "Secret sketching", "Easels in the cellar");

        WebClient anas = signedIn(ana);
        String mine = anas.get("/events").body();
        assertThat(mine).contains("class=\"event-thumb\"", thumb("Easels in the square"), thumb("Easels in the cellar"),
                "type=\"image/webp\"");
        assertThat(anas.get("/groups/" + secret.slug() + "/events").body()).contains(thumb("Easels in the cellar"));
        assertThat(anas.get("/groups/" + open.slug()).body()).as("the group page's block")
                .contains(thumb("Easels in the square"));
        assertThat(anas.get("/").body()).as("the home feed's coming-up block")
                .contains("class=\"event-thumb tiny\"", thumb("Easels in the square"));
        String secretPicture = pictureUrl(anas.get(secretEvent).body());
        assertThat(secretPicture).isNotNull();
        String secretId = secretPicture.substring("/media/".length(), "/media/".length() + 32);
        assertThat(anas.getBytes("/media/" + secretId + "/400.jpg").status()).isEqualTo(200);

        assertThat(new WebClient(port).get("/groups/" + open.slug() + "/events").body()).as("a visitor, public group")
                .contains(thumb("Easels in the square"));
        WebClient outsiders = signedIn(outsider);
        for (String path : List.of("/events", "/", "/groups/" + secret.slug() + "/events", "/groups/" + secret.slug())) {
            assertThat(outsiders.get(path).body()).as(path).doesNotContain("Secret sketching", "Easels in the cellar", secretId);
        }
        assertThat(outsiders.get("/groups/" + open.slug() + "/events").body()).contains(thumb("Easels in the square"));
        assertThat(outsiders.getBytes("/media/" + secretId + "/400.jpg").status()).isEqualTo(404);
    }

    @Test
    void theApiSetsAndRemovesThePictureForHostsOnly() throws IOException {
        Account host = members.active("eah");
        Account bob = members.active("eab");
        Account outsider = members.active("eao");
        Group g = group(host, "PUBLIC", bob);
        WebClient api = new WebClient(port);
        WebClient.Response created = api.postJson("/api/v1/groups/" + g.slug() + "/events",
                EventApiTest.newEvent("Open studio", null), "Authorization", bearer(host));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("picture").isNull()).isTrue();
        String event = "/api/v1/events/" + created.json().get("id").asString();

        WebClient.Response set = api.sendMultipart("PUT", event + "/picture", List.of(
                Part.file("file", "studio.jpg", "image/jpeg", TestPictures.cameraJpeg(1200, 900, 1)),
                Part.field("description", "The studio's big window")), "Authorization", bearer(host));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        JsonNode picture = set.json().get("picture");
        String id = picture.get("id").asString();
        assertThat(picture.get("url").asString()).startsWith("/media/" + id + "/");
        assertThat(picture.get("description").asString()).isEqualTo("The studio's big window");
        assertThat(picture.get("blurhash").asString()).isNotBlank();

        // anyone may see a public group's event picture, and cache it
        WebClient.Bytes served = new WebClient(port).getBytes(picture.get("url").asString());
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Cache-Control")).contains("public");
        assertThat(new String(served.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif", TestPictures.CAMERA,
                TestPictures.GPS_MARK);
        assertThat(new WebClient(port).get(event).json().get("picture").get("id").asString()).isEqualTo(id);

        // a member who does not host it, and an outsider, may not change it
        assertThat(api.sendMultipart("PUT", event + "/picture", List.of(
                Part.file("file", "x.png", "image/png", TestPictures.png(100, 100))), "Authorization", bearer(bob))
                .status()).isEqualTo(403);
        assertThat(api.delete(event + "/picture", "Authorization", bearer(bob)).status()).isEqualTo(403);
        assertThat(api.delete(event + "/picture", "Authorization", bearer(outsider)).status()).isEqualTo(403);
        // no file, or not a picture: a clear 400
        assertThat(api.sendMultipart("PUT", event + "/picture", List.of(Part.field("description", "nothing")),
                "Authorization", bearer(host)).status()).isEqualTo(400);
        assertThat(api.sendMultipart("PUT", event + "/picture", List.of(
                Part.file("file", "notes.jpg", "image/jpeg", "not a picture".getBytes(StandardCharsets.UTF_8))),
                "Authorization", bearer(host)).status()).isEqualTo(400);
        assertThat(api.sendMultipart("PUT", "/api/v1/events/999999999999/picture", List.of(
                Part.file("file", "x.png", "image/png", TestPictures.png(100, 100))), "Authorization", bearer(host))
                .status()).isEqualTo(404);
        assertThat(files(id)).isNotEmpty();

        // replacing through the API removes the old files
        WebClient.Response replaced = api.sendMultipart("PUT", event + "/picture", List.of(
                Part.file("file", "second.png", "image/png", TestPictures.png(640, 480))), "Authorization", bearer(host));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        String second = replaced.json().get("picture").get("id").asString();
        assertThat(replaced.json().get("picture").get("description").asString()).isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(files(id)).isEmpty());

        assertThat(api.delete(event + "/picture", "Authorization", bearer(host)).status()).isEqualTo(204);
        assertThat(api.get(event, "Authorization", bearer(bob)).json().get("picture").isNull()).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(files(second)).isEmpty());
        assertThat(new WebClient(port).getBytes("/media/" + second + "/640.jpg").status()).isEqualTo(404);
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
