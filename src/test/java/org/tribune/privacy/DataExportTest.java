package org.tribune.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.platform.TooManyRequests;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The export of a person who has done everything holds every row about them (counted in the database, table by
 * table) and nothing private about anyone else.
 */
@IntegrationTest
class DataExportTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    EverythingFixture fixture;
    @Autowired
    DataExportService exports;
    @Autowired
    Members members;
    @Autowired
    JdbcClient db;

    @Test
    void theExportHoldsEveryRowAboutThePersonAndNothingPrivateOfOthers() throws IOException {
        EverythingFixture.Person person = fixture.create(port);
        long id = person.account().id();
        DataExport export = exports.latest(id).orElseThrow();
        assertThat(export.isReady()).isTrue();
        Map<String, byte[]> files = unzip(exports.read(export).orElseThrow());

        assertThat(files).containsKeys("index.html", "media/avatar.jpg", "account.json", "posts.json", "comments.json",
                "likes.json", "follows.json", "followers.json", "memberships.json", "join-requests.json",
                "group-bans.json", "group-invitations.json", "notifications.json", "invitations.json", "donations.json",
                "mail-log.json", "api-tokens.json", "profile-history.json", "sessions.json", "trust-level.json",
                "waitlist.json", "password-resets.json", "failed-logins.json", "notification-settings.json");

        // every row about them, counted in the database
        assertThat(items(files, "posts")).isEqualTo(count("select count(*) from post where author_id = ?", id));
        assertThat(items(files, "comments")).isEqualTo(count("select count(*) from post_comment where author_id = ?", id));
        assertThat(items(files, "likes")).isEqualTo(count("select count(*) from post_like where account_id = ?", id)
                + count("select count(*) from comment_like where account_id = ?", id));
        assertThat(items(files, "follows")).isEqualTo(count("select count(*) from follow where follower_id = ?", id));
        assertThat(items(files, "followers")).isEqualTo(count("select count(*) from follow where followee_id = ?", id));
        assertThat(items(files, "memberships")).isEqualTo(count("select count(*) from group_member where account_id = ?", id));
        assertThat(items(files, "join-requests")).isEqualTo(count("select count(*) from group_join_request where account_id = ?", id));
        assertThat(items(files, "group-bans")).isEqualTo(count("select count(*) from group_ban where account_id = ?", id));
        assertThat(items(files, "group-invitations")).isEqualTo(count("select count(*) from group_invitation where account_id = ?", id));
        assertThat(items(files, "notifications")).isEqualTo(count("select count(*) from notification where recipient_id = ?", id));
        assertThat(items(files, "notification-settings")).isEqualTo(count("select count(*) from notification_setting where account_id = ?", id));
        assertThat(items(files, "invitations")).isEqualTo(count("select count(*) from invitation where inviter_id = ? or used_by = ?", id, id));
        assertThat(items(files, "donations")).isEqualTo(count("select count(*) from donation where account_id = ?", id)
                + count("select count(*) from donor_preference where account_id = ?", id));
        assertThat(items(files, "api-tokens")).isEqualTo(count("select count(*) from api_token where account_id = ?", id));
        assertThat(items(files, "profile-history")).isEqualTo(count("select count(*) from display_name_change where account_id = ?", id));
        assertThat(items(files, "password-resets")).isEqualTo(count("select count(*) from password_reset where account_id = ?", id));
        assertThat(items(files, "failed-logins")).isEqualTo(count("select count(*) from login_failure where email_key = ?",
                person.account().email().toLowerCase()));
        // all mails but the one that says this export is ready, written after it
        assertThat(items(files, "mail-log")).isEqualTo(count("select count(*) from mail_message where lower(recipient) = ? "
                + "and created_at < ?", person.account().email().toLowerCase(), java.sql.Timestamp.from(export.finishedAt())));
        assertThat(items(files, "trust-level")).isEqualTo(count("select count(*) from trust_level where account_id = ?", id)
                + count("select count(*) from trust_upheld_flag where account_id = ?", id));
        assertThat(items(files, "waitlist")).isEqualTo(count("select count(*) from admission_queue where account_id = ?", id)
                + count("select count(*) from admission_donor where account_id = ?", id));
        assertThat(items(files, "sessions")).isEqualTo(count("select count(*) from spring_session where principal_name = ?",
                Long.toString(id)));
        JsonNode account = JSON.readTree(files.get("account.json")).get("items").get(0);
        assertThat(account.get("type").asString()).isEqualTo("Person");
        assertThat(account.get("email").asString()).isEqualTo(person.account().email());
        assertThat(account.get("summary").asString()).isEqualTo(person.bio());
        assertThat(JSON.readTree(files.get("likes.json")).get("items").get(0).get("type").asString()).isEqualTo("Like");
        assertThat(JSON.readTree(files.get("follows.json")).get("items").get(0).get("type").asString()).isEqualTo("Follow");
        assertThat(JSON.readTree(files.get("posts.json")).get("@context").asString()).isEqualTo(ExportArchive.CONTEXT);

        // nothing private about anyone else
        String everything = new String(files.values().stream().reduce(new byte[0], DataExportTest::concat), StandardCharsets.UTF_8);
        assertThat(everything).doesNotContain(person.friend().email(), person.moderator().email());
        assertThat(everything).doesNotContain(person.privatePostOfOthers().body());
        assertThat(everything).as("who banned them").doesNotContain(person.moderator().handle());
        // and the offline copy fetches nothing (addresses written in texts, such as a note's sources, are shown as text)
        String html = new String(files.get("index.html"), StandardCharsets.UTF_8);
        assertThat(html).contains(person.bio()).doesNotContain("<script", "<link", "<img src=\"http", "<iframe")
                .doesNotContainPattern("(?i)(src|href|action|srcset)\\s*=\\s*[\"']?\\s*(https?:)?//")
                .doesNotContainPattern("(?i)url\\(\\s*[\"']?\\s*(https?:)?//");
    }

    @Test
    void oneExportPerDay() {
        Account ana = members.active("once");
        exports.request(ana.id());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> exports.request(ana.id())).isInstanceOf(TooManyRequests.class);
    }

    @Autowired
    DataExports exportTable;

    @Test
    void tenRequestsAtOnceMakeExactlyOneExport() throws Exception {
        Account ana = members.active("rush");
        int threads = 10;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(threads);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    together.await();
                    try {
                        exports.request(ana.id());
                        return true;
                    } catch (TooManyRequests refused) {
                        return false;
                    }
                }));
            }
            int accepted = 0;
            for (var answer : answers) {
                accepted += answer.get(30, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("select count(*) from data_export where account_id = ?", ana.id())).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> exports.request(ana.id())).isInstanceOf(TooManyRequests.class);
    }

    @Test
    void aFailedExportGivesBackItsClaimAndADayLaterTheClaimIsFreeAgain() {
        Account ana = members.active("retry");
        exports.request(ana.id());
        long first = exportTable.latestOf(ana.id()).orElseThrow().id();
        exportTable.releaseClaimOf(first);
        exportTable.fail(first, java.time.Instant.now());
        exports.request(ana.id());
        assertThat(count("select count(*) from data_export where account_id = ?", ana.id())).isEqualTo(2);

        java.time.Instant now = java.time.Instant.now();
        assertThat(exportTable.claim(ana.id(), now, now.minus(DataExportService.ONE_PER))).isFalse();
        assertThat(exportTable.claim(ana.id(), now.plus(DataExportService.ONE_PER), now.plusSeconds(60))).isTrue();
    }

    @Test
    void onlyTheSignedInOwnerDownloadsTheExport() {
        Account ana = members.active("own");
        Account eve = members.active("eve");
        exports.request(ana.id());
        DataExport ready = ExportsDone.readyFor(exports, ana.id());
        String path = exports.downloadPath(ready);

        WebClient owner = new WebClient(port);
        owner.login(ana.email(), Members.PASSWORD);
        WebClient.Response page = owner.get("/settings/privacy/data");
        assertThat(page.body()).contains("export-download");
        WebClient.Response download = owner.get(path);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).startsWith("application/zip");

        WebClient other = new WebClient(port);
        other.login(eve.email(), Members.PASSWORD);
        WebClient.Response stolen = other.get(path);
        assertThat(stolen.status()).isEqualTo(404);
        assertThat(stolen.body()).doesNotContain(ana.handle());

        WebClient visitor = new WebClient(port);
        assertThat(visitor.get(path).status()).isIn(302, 401);

        // a guessed link, and a link whose signature is right but whose export has expired, say nothing either
        WebClient.Response guessed = owner.get("/settings/privacy/export/download?token=" + ready.id() + ".9999999999.AAAA");
        assertThat(guessed.status()).isEqualTo(404);
        db.sql("update data_export set expires_at = ? where id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), ready.id()).update();
        WebClient.Response expired = owner.get(path);
        assertThat(expired.status()).isEqualTo(404);
        assertThat(expired.h1()).isEqualTo(guessed.h1());
        exports.forgetExpired();
        assertThat(count("select count(*) from data_export where id = ?", ready.id())).isZero();
    }

    private long count(String sql, Object... params) {
        return db.sql(sql).params(params).query(Long.class).single();
    }

    private static long items(Map<String, byte[]> files, String category) {
        JsonNode file = JSON.readTree(files.get(category + ".json"));
        assertThat(file.get("items").size()).isEqualTo(file.get("totalItems").asInt());
        return file.get("items").size();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
