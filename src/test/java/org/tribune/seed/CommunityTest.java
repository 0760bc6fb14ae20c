package org.tribune.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.tribune.platform.SecretTokens;

/**
 * The small community, loaded into a database of its own (H2 in memory, migrated by Flyway like the server's): the
 * rows agree with each other, seeded people can use their tokens, and the same seed gives the same community.
 */
class CommunityTest {
    private static final String URL = "jdbc:h2:mem:seedtest;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1";
    private static final Instant AT = Instant.parse("2026-11-20T12:00:00Z");
    private static Connection connection;
    private static Community community;

    @BeforeAll
    static void seed() throws SQLException {
        // One connection for the migration and the load: H2 must not close the database in between.
        connection = DriverManager.getConnection(URL, "sa", "");
        Flyway.configure().dataSource(new SingleConnectionDataSource(connection, true))
                .locations("classpath:db/migration").load().migrate();
        connection.setAutoCommit(false);
        community = new Community(SeedSize.SMALL, AT);
        community.plan();
        BulkLoad load = BulkLoad.on(connection, new Progress(new PrintStream(OutputStream.nullOutputStream()), community.estimatedRows()));
        community.writeAccounts(load, "not-a-real-hash");
        community.writeGroups(load);
        community.writeFollows(load);
        community.writePosts(load);
        community.writeComments(load);
        community.writeLikes(load);
    }

    @AfterAll
    static void close() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("drop all objects delete files");
        }
        connection.close();
    }

    @Test
    void hasTheSizesAsked() throws SQLException {
        assertThat(count("select count(*) from account")).isEqualTo(1_000);
        assertThat(count("select count(*) from topic_group")).isEqualTo(100);
        assertThat(count("select count(*) from post")).isEqualTo(10_000);
        assertThat(count("select count(*) from post_comment")).isEqualTo(20_000);
        assertThat(count("select count(*) from group_member")).isBetween(15_000L, 25_000L);
        assertThat(count("select count(*) from follow")).isBetween(22_000L, 38_000L);
    }

    @Test
    void countsAgreeWithTheRowsTheyCount() throws SQLException {
        assertThat(count("select count(*) from topic_group g where member_count <> "
                + "(select count(*) from group_member m where m.group_id = g.id)")).isZero();
        assertThat(count("select count(*) from post p where comment_count <> "
                + "(select count(*) from post_comment c where c.post_id = p.id)")).isZero();
        assertThat(count("select count(*) from post p where like_count <> "
                + "(select count(*) from post_like l where l.post_id = p.id)")).isZero();
        assertThat(count("select count(*) from topic_group g where not exists "
                + "(select 1 from group_member m where m.group_id = g.id and m.role = 'OWNER')")).isZero();
    }

    @Test
    void peoplePostOnlyInTheirGroupsAndCommentAfterThePost() throws SQLException {
        assertThat(count("select count(*) from post p where p.group_id is not null and not exists "
                + "(select 1 from group_member m where m.group_id = p.group_id and m.account_id = p.author_id)")).isZero();
        assertThat(count("select count(*) from post_comment c join post p on p.id = c.post_id where c.created_at <= p.created_at")).isZero();
        assertThat(count("select count(*) from follow where follower_id = followee_id")).isZero();
    }

    @Test
    void seededPeopleAreFoundByTheirNumber() throws SQLException {
        try (var statement = connection.prepareStatement("select a.id, a.handle, a.state from api_token t "
                + "join account a on a.id = t.account_id where t.token_hash = ?")) {
            statement.setString(1, SecretTokens.hash(Community.TOKEN_PREFIX + 42));
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(community.userId(0) + 42 * community.userIdStep());
                assertThat(rs.getString(2)).isEqualTo("u42");
                assertThat(rs.getString(3)).isEqualTo("ACTIVE");
            }
        }
    }

    @Test
    void theSameSeedMakesTheSameCommunityAndItsLoadFiles(@TempDir Path first, @TempDir Path second) throws Exception {
        community.writeFeeders(first);
        Community again = new Community(SeedSize.SMALL, AT);
        again.plan();
        again.writeFeeders(second);
        for (String file : List.of("seed.properties", "posts.csv", "groups.csv", "interactions.csv")) {
            assertThat(Files.readAllLines(second.resolve(file))).isEqualTo(Files.readAllLines(first.resolve(file)));
        }
        // Every interaction is one the person may make: a post in a group they belong to (or on a profile).
        for (String line : Files.readAllLines(first.resolve("interactions.csv")).subList(1, 200)) {
            String[] row = line.split(",");
            long person = community.userId(0) + Long.parseLong(row[0]) * community.userIdStep();
            assertThat(count("select count(*) from post p where p.id = " + row[1] + " and (p.group_id is null or exists "
                    + "(select 1 from group_member m where m.group_id = p.group_id and m.account_id = " + person + "))"))
                    .as(line).isEqualTo(1);
            assertThat(count("select count(*) from group_member m join topic_group g on g.id = m.group_id "
                    + "where g.slug_key = '" + row[2] + "' and m.account_id = " + person)).as(line).isEqualTo(1);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
