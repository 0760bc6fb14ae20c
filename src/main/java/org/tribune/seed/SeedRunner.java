package org.tribune.seed;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * {@code ./tribune seed small|medium} (the property {@code tribune.seed.size}): once the server has migrated the
 * database, fills it with a generated community and stops. Refuses a database that already has accounts.
 */
@Component
@ConditionalOnProperty("tribune.seed.size")
class SeedRunner implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(SeedRunner.class);

    private final DataSource dataSource;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final ConfigurableApplicationContext context;
    private final SeedSize size;
    private final Path feeders;
    /** Set to the seededAt of an earlier run to only write its load-tool files again, without touching the database. */
    private final Instant at;

    SeedRunner(DataSource dataSource, PasswordEncoder passwords, Clock clock, ConfigurableApplicationContext context,
            @Value("${tribune.seed.size}") String size, @Value("${tribune.seed.feeders:bench/target/seed}") String feeders,
            @Value("${tribune.seed.at:}") String at) {
        this.dataSource = dataSource;
        this.passwords = passwords;
        this.clock = clock;
        this.context = context;
        this.size = SeedSize.parse(size);
        this.feeders = Path.of(feeders);
        this.at = at.isBlank() ? null : Instant.parse(at);
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        int status = 0;
        try {
            seed();
        } catch (Exception e) {
            log.error("Seeding failed: {}", e.getMessage(), e);
            status = 1;
        }
        int exit = status;
        System.exit(SpringApplication.exit(context, () -> exit));
    }

    private void seed() throws Exception {
        if (at != null) {
            Community again = new Community(size, at);
            again.plan();
            again.writeFeeders(feeders);
            System.err.println("Load-tool files of the " + at + " seed written to " + feeders.toAbsolutePath());
            return;
        }
        Community community = new Community(size, clock.instant().truncatedTo(ChronoUnit.MINUTES));
        try (Connection connection = dataSource.getConnection()) {
            try (Statement count = connection.createStatement();
                    var rs = count.executeQuery("select count(*) from account")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new IllegalStateException("the database already has accounts: seed an empty database");
                }
            }
            System.err.printf("Seeding a %s community: %,d people, %,d groups, %,d posts, %,d comments%n",
                    size.name().toLowerCase(java.util.Locale.ROOT), size.users, size.groups, size.posts, size.comments);
            community.plan();
            Progress progress = new Progress(System.err, community.estimatedRows());
            connection.setAutoCommit(false);
            BulkLoad load = BulkLoad.on(connection, progress);
            String hash = passwords.encode(Community.PASSWORD); // once: every seeded person shares it
            progress.stage("accounts");
            community.writeAccounts(load, hash);
            progress.stage("groups");
            community.writeGroups(load);
            progress.stage("follows");
            community.writeFollows(load);
            progress.stage("posts");
            community.writePosts(load);
            progress.stage("comments");
            community.writeComments(load);
            progress.stage("likes");
            community.writeLikes(load);
            progress.stage("statistics");
            connection.setAutoCommit(true);
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
            try (Statement statement = connection.createStatement()) {
                // Fresh statistics and visibility map, so the first plans are the real ones and index-only scans work.
                statement.execute(postgres ? "vacuum analyze" : "analyze");
            }
            progress.finish();
            community.writeFeeders(feeders);
            System.err.printf("Done in %,d s. Sign in as u0@%s … u%d@%s with the password '%s'; API tokens %s<n>. "
                    + "Load-tool files: %s%n", progress.elapsedMillis() / 1000, Community.EMAIL_DOMAIN, size.users - 1,
                    Community.EMAIL_DOMAIN, Community.PASSWORD, Community.TOKEN_PREFIX, feeders.toAbsolutePath());
        }
    }
}
