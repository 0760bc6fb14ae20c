package org.tribune.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribune.IntegrationTest;
import org.tribune.account.AccountService;
import org.tribune.account.AccountState;
import org.tribune.account.Members;
import org.tribune.account.SignUp;
import org.tribune.platform.InvalidInput;

/**
 * A person with data in every table asks for deletion; once the purge has run, no text column of any table (nor any
 * stored file) holds their address, handle, display names or bio. The list of tables comes from the database
 * itself, so a new table fails this test until {@link PersonalDataTables} says how it is covered.
 */
@IntegrationTest
class AccountErasureTest {
    @LocalServerPort
    int port;
    @Autowired
    EverythingFixture fixture;
    @Autowired
    AccountDeletion deletion;
    @Autowired
    AccountService accounts;
    @Autowired
    Members members;
    @Autowired
    JdbcClient db;
    @Value("${tribune.data-dir}")
    String dataDir;

    record Column(String table, String column, boolean binary) {
    }

    @Test
    void everyTableIsFilledByTheFixtureOrDeclaredFreeOfPersonalData() {
        Set<String> unknown = new TreeSet<>(tables());
        unknown.removeAll(PersonalDataTables.FILLED_BY_FIXTURE);
        unknown.removeAll(PersonalDataTables.NO_PERSONAL_DATA.keySet());
        assertThat(unknown).as("tables neither filled by EverythingFixture nor declared free of personal data in "
                + "PersonalDataTables: add them to one of its two lists").isEmpty();
        Set<String> both = new HashSet<>(PersonalDataTables.FILLED_BY_FIXTURE);
        both.retainAll(PersonalDataTables.NO_PERSONAL_DATA.keySet());
        assertThat(both).isEmpty();
    }

    @Test
    void afterThePurgeNothingAnywhereNamesTheDeletedPerson() throws IOException {
        EverythingFixture.Person person = fixture.create(port);
        long id = person.account().id();
        List<String> pictures = db.sql("select id from media where owner_id = ?").param(id).query(String.class).list();
        assertThat(pictures).as("an avatar and a post's photo").hasSize(2);
        assertThat(pictureFiles(pictures)).isNotEmpty();
        List<String> exportFiles = db.sql("select file_name from data_export where account_id = ? and file_name is not null")
                .param(id).query(String.class).list();
        assertThat(exportFiles).isNotEmpty();

        // the fixture really put them everywhere it says, and the search below really finds them
        for (String table : PersonalDataTables.FILLED_BY_FIXTURE) {
            assertThat(db.sql("select count(*) from " + table).query(Long.class).single()).as(table).isPositive();
        }
        assertThat(hits(person.identifying())).contains("account.email", "account.handle", "account.display_name",
                "account.bio", "display_name_change.old_name", "api_token.name", "mail_message.recipient",
                "account_audit.detail", "group_join_request.answers", "group_ban.reason", "post.body",
                "post_comment.body", "donation.donor_name", "donation.note", "stripe_event.payload");

        deletion.request(id, Members.PASSWORD, true);
        assertThat(members.reload(person.account()).state()).isEqualTo(AccountState.CLOSING);
        db.sql("update account set deletion_due_at = ? where id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), id).update();
        assertThat(deletion.purgeDue()).isGreaterThanOrEqualTo(1);

        assertThat(hits(person.identifying())).as("columns still naming the erased person").isEmpty();
        assertThat(members.reload(person.account()).state()).isEqualTo(AccountState.DELETED);
        assertThat(pictureFiles(pictures)).as("files of the erased person's pictures").isEmpty();
        assertThat(db.sql("select count(*) from media where owner_id = ?").param(id).query(Long.class).single()).isZero();
        for (String file : exportFiles) {
            assertThat(Files.exists(Path.of(dataDir, "exports", file))).isFalse();
        }
        assertThat(filesNaming(person.identifying())).isEmpty();
        assertThat(db.sql("select count(*) from spring_session where principal_name = ?").param(Long.toString(id))
                .query(Long.class).single()).isZero();
    }

    @Test
    void theHandleOfAnErasedAccountIsNeverGivenAgain() {
        var gone = members.active("gone");
        deletion.request(gone.id(), Members.PASSWORD, false);
        db.sql("update account set deletion_due_at = ? where id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), gone.id()).update();
        deletion.purgeDue();
        assertThatThrownBy(() -> accounts.signUp(new SignUp(gone.handle(), "other-" + gone.email(), Members.PASSWORD,
                "en", true), "192.0.2.50"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.byField()).containsKey("handle"));
        assertThat(db.sql("select count(*) from retired_handle").query(Long.class).single()).isPositive();
    }

    @Autowired
    org.tribune.post.PostService posts;

    @Test
    void keptPostsStayAndShowFormerMember() {
        var ana = members.active("kept");
        accounts.updateProfile(ana.id(), "Kept Name " + EverythingFixture.word(), "");
        var named = members.reload(ana);
        var post = posts.publish(named, null, new org.tribune.post.PostService.Draft("", "Words that stay " + EverythingFixture.word(), null));
        deletion.request(ana.id(), Members.PASSWORD, false);
        org.tribune.WebClient visitor = new org.tribune.WebClient(port);
        assertThat(visitor.get("/p/" + post.id()).status()).as("hidden while frozen").isEqualTo(404);
        db.sql("update account set deletion_due_at = ? where id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), ana.id()).update();
        deletion.purgeDue();
        org.tribune.WebClient.Response page = visitor.get("/p/" + post.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(post.body(), "former member").doesNotContain(named.displayName(), named.handle());
    }

    @Test
    void anAccountIsNotErasedBeforeItsTimeToCancelIsOver() {
        var waiting = members.active("wait");
        deletion.request(waiting.id(), Members.PASSWORD, true);
        deletion.purgeDue();
        assertThat(members.reload(waiting).state()).isEqualTo(AccountState.CLOSING);
        assertThat(members.reload(waiting).handle()).isEqualTo(waiting.handle());
    }

    /** Every table of the application schema, lower-case. */
    private List<String> tables() {
        return db.sql("select table_name from information_schema.tables where lower(table_schema) = 'public' "
                        + "and table_type in ('BASE TABLE', 'TABLE')")
                .query(String.class).list().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    }

    private List<Column> textColumns() {
        return db.sql("select table_name, column_name, data_type from information_schema.columns "
                        + "where lower(table_schema) = 'public'")
                .query((rs, n) -> {
                    String type = rs.getString("data_type").toLowerCase(Locale.ROOT);
                    boolean text = type.contains("char") || type.contains("text") || type.contains("clob");
                    boolean binary = type.contains("bytea") || type.contains("binary") || type.contains("blob");
                    return text || binary ? new Column(rs.getString("table_name").toLowerCase(Locale.ROOT),
                            rs.getString("column_name").toLowerCase(Locale.ROOT), binary) : null;
                })
                .list().stream().filter(c -> c != null && tables().contains(c.table())).toList();
    }

    /** "table.column" of every text (or binary) value containing one of the words, case-insensitively. */
    private Set<String> hits(List<String> words) {
        Set<String> found = new TreeSet<>();
        for (Column c : textColumns()) {
            if (c.binary()) {
                for (byte[] value : db.sql("select " + c.column() + " from " + c.table() + " where " + c.column() + " is not null")
                        .query((rs, n) -> rs.getBytes(1)).list()) {
                    String text = new String(value, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                    String utf8 = new String(value, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
                    if (words.stream().map(w -> w.toLowerCase(Locale.ROOT)).anyMatch(w -> text.contains(w) || utf8.contains(w))) {
                        found.add(c.table() + "." + c.column());
                    }
                }
                continue;
            }
            for (String word : words) {
                long count = db.sql("select count(*) from " + c.table() + " where lower(" + c.column() + ") like ?")
                        .param("%" + word.toLowerCase(Locale.ROOT) + "%").query(Long.class).single();
                if (count > 0) {
                    found.add(c.table() + "." + c.column());
                }
            }
        }
        return found;
    }

    /** The stored files of these pictures (the test run keeps them under the data directory). */
    private List<Path> pictureFiles(List<String> ids) throws IOException {
        Path root = Path.of(dataDir, "media");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> ids.stream().anyMatch(id -> f.getFileName().toString().startsWith(id))).toList();
        }
    }

    /** Stored files (pictures, exports) whose bytes contain one of the words. */
    private List<Path> filesNaming(List<String> words) throws IOException {
        List<Path> found = new ArrayList<>();
        for (String dir : List.of("media", "exports")) {
            Path root = Path.of(dataDir, dir);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                    if (words.stream().anyMatch(w -> text.contains(w.toLowerCase(Locale.ROOT)))) {
                        found.add(file);
                    }
                }
            }
        }
        return found;
    }
}
