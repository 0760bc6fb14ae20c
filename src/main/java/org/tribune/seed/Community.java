package org.tribune.seed;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.tribune.platform.Ids;
import org.tribune.platform.SecretTokens;

/**
 * A made-up community, the same for the same size and seed: who joins which groups, follows whom, posts where and
 * when, comments on what and likes what. Popularity is skewed (Zipf): a few groups have tens of thousands of members,
 * a few people most followers, a few posts most comments; activity grows over the 90 days, as in a young network.
 *
 * <p>Account ids are a formula of the person's number ({@link #userId}) so that load tools can pick random people
 * without reading the database; each person can sign in with {@link #PASSWORD} or use the API token
 * {@link #TOKEN_PREFIX}{@code <number>}. Such a database is for benchmarks only.
 */
final class Community {
    static final long SEED = 20261125L;
    static final String PASSWORD = "tribune-bench";
    static final String TOKEN_PREFIX = "trb_bench_"; // "trb_" is what the API accepts as a token
    static final String EMAIL_DOMAIN = "bench.tribune.invalid";
    static final Duration WINDOW = Duration.ofDays(90);
    /** People joined one a minute before the window: ids are then a simple formula of their number. */
    static final long USER_STEP_MILLIS = 60_000;

    // Id "node" bits per table, so that no two generated rows of any table share an id.
    private static final int USER_NODE = 1001, TOKEN_NODE = 1002, GROUP_NODE = 1003, POST_NODE = 1004,
            COMMENT_NODE = 1005, NOTIFICATION_NODE = 1006;

    private static final String[] WORDS = ("the a of to and in is it that for on with as was at by this be from "
            + "we garden city river music bike train open source code school market bread coffee rain winter summer "
            + "library museum park night morning street history photo film book team match goal election vote council "
            + "budget bridge harbour mountain forest trail recipe soup cheese wine festival concert choir jazz piano "
            + "guitar poem story news question answer idea plan meeting project repair tool kitchen neighbour friend "
            + "family child teacher doctor nurse market price rent house flat tram bus ferry airport sea beach island")
            .split(" ");
    private static final String[] FIRST = {"Ana", "Ben", "Chloé", "David", "Emma", "Farid", "Grace", "Hugo", "Inès",
            "Jules", "Kenji", "Léa", "Malik", "Nora", "Omar", "Paula", "Quentin", "Rosa", "Sami", "Tess"};

    private final SeedSize size;
    private final Instant now;
    private final long windowStart;
    private final long userStart;

    // People → groups they joined (compressed rows: groups of person n are joined[joinedFrom[n] .. joinedFrom[n+1]))
    private int[] joinedFrom;
    private int[] joined;
    private int[] memberCount;
    private int[] owner;
    private boolean[] privateGroup;
    private long[] groupLastActivity;

    private long[] postMillis;
    private long[] postIds;
    private int[] postAuthor;
    private int[] postGroup; // -1: on the author's profile
    private int[] postComments;
    private long[] postLastComment;
    private int[] postLikes;

    private long[] commentOrder; // (millis << 21) | comment number, sorted: comments in time order
    private int[] commentPost;
    private int[] commentAuthor;

    Community(SeedSize size, Instant now) {
        this.size = size;
        this.now = now;
        this.windowStart = now.minus(WINDOW).toEpochMilli();
        this.userStart = windowStart - size.users * USER_STEP_MILLIS - Duration.ofDays(1).toMillis();
    }

    long userId(int n) {
        return id(userMillis(n), USER_NODE, 0);
    }

    long userIdStep() {
        return USER_STEP_MILLIS << 22;
    }

    private long userMillis(int n) {
        return userStart + n * USER_STEP_MILLIS;
    }

    private static long id(long millis, int node, long sequence) {
        return Ids.firstAt(Instant.ofEpochMilli(millis)) | ((long) node << 12) | sequence;
    }

    /** Decides everything that other rows depend on (memberships, posts, comments, counts) before writing. */
    void plan() {
        planMemberships(new SplittableRandom(SEED + 1));
        planPosts(new SplittableRandom(SEED + 2));
        planComments(new SplittableRandom(SEED + 3));
        planLikes(new SplittableRandom(SEED + 4));
    }

    long estimatedRows() {
        long memberships = joined.length;
        long likes = Arrays.stream(postLikes).asLongStream().sum();
        return 2L * size.users + size.groups + memberships + (long) size.users * SeedSize.FOLLOWS_PER_USER + size.posts
                + size.comments + likes + size.comments;
    }

    private void planMemberships(SplittableRandom random) {
        Zipf popularity = new Zipf(size.groups, 0.7);
        joinedFrom = new int[size.users + 1];
        int[] all = new int[size.users * SeedSize.MEMBERSHIPS_PER_USER * 2];
        int count = 0;
        memberCount = new int[size.groups];
        owner = new int[size.groups];
        Arrays.fill(owner, -1);
        for (int n = 0; n < size.users; n++) {
            joinedFrom[n] = count;
            int wanted = spread(random, SeedSize.MEMBERSHIPS_PER_USER, Math.min(size.groups, 200));
            Set<Integer> mine = new HashSet<>();
            for (int tries = 0; mine.size() < wanted && tries < wanted * 50; tries++) {
                int g = popularity.next(random);
                if (mine.add(g)) {
                    if (count == all.length) {
                        all = Arrays.copyOf(all, all.length * 2);
                    }
                    all[count++] = g;
                    memberCount[g]++;
                    if (owner[g] < 0) {
                        owner[g] = n;
                    }
                }
            }
        }
        joinedFrom[size.users] = count;
        joined = Arrays.copyOf(all, count);
        privateGroup = new boolean[size.groups];
        for (int g = 0; g < size.groups; g++) {
            privateGroup[g] = g >= 10 && random.nextDouble() < 0.1;
        }
    }

    private void planPosts(SplittableRandom random) {
        int posts = size.posts;
        postMillis = new long[posts];
        long window = WINDOW.toMillis();
        for (int p = 0; p < posts; p++) {
            postMillis[p] = windowStart + (long) (window * Math.sqrt(random.nextDouble())); // growing activity
        }
        Arrays.sort(postMillis);
        postIds = increasingIds(postMillis, POST_NODE);
        int[] activeRank = Zipf.permutation(size.users, random);
        Zipf activity = new Zipf(size.users, 0.9);
        postAuthor = new int[posts];
        postGroup = new int[posts];
        groupLastActivity = new long[size.groups];
        for (int p = 0; p < posts; p++) {
            int author = activeRank[activity.next(random)];
            postAuthor[p] = author;
            int groups = joinedFrom[author + 1] - joinedFrom[author];
            postGroup[p] = groups > 0 && random.nextDouble() < 0.85 ? joined[joinedFrom[author] + random.nextInt(groups)] : -1;
            if (postGroup[p] >= 0) {
                groupLastActivity[postGroup[p]] = postMillis[p];
            }
        }
    }

    private void planComments(SplittableRandom random) {
        int comments = size.comments;
        int[] hotRank = Zipf.permutation(size.posts, random);
        Zipf hot = new Zipf(size.posts, 0.7);
        int[] activeRank = Zipf.permutation(size.users, random);
        Zipf activity = new Zipf(size.users, 0.9);
        commentOrder = new long[comments];
        commentPost = new int[comments];
        commentAuthor = new int[comments];
        postComments = new int[size.posts];
        postLastComment = new long[size.posts];
        long latest = now.toEpochMilli() - 1000;
        for (int c = 0; c < comments; c++) {
            int p = hotRank[hot.next(random)];
            long delay = (long) (-Math.log(1 - random.nextDouble()) * Duration.ofHours(6).toMillis());
            long at = Math.min(postMillis[p] + 1000 + delay, latest);
            commentPost[c] = p;
            commentAuthor[c] = activeRank[activity.next(random)];
            commentOrder[c] = (at << 21) | c;
            postComments[p]++;
            postLastComment[p] = Math.max(postLastComment[p], at);
        }
        Arrays.sort(commentOrder);
    }

    private void planLikes(SplittableRandom random) {
        postLikes = new int[size.posts];
        for (int p = 0; p < size.posts; p++) {
            double pareto = 0.7 / Math.pow(1 - random.nextDouble(), 1 / 1.5); // mean about 2, a long tail
            postLikes[p] = (int) Math.min(Math.min(pareto, 5000), size.users - 1);
        }
    }

    /** Ids that follow the times given (sorted) and never repeat, even for equal times. */
    private static long[] increasingIds(long[] sortedMillis, int node) {
        long[] ids = new long[sortedMillis.length];
        long previous = -1;
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Math.max(id(sortedMillis[i], node, 0), previous + 1);
            previous = ids[i];
        }
        return ids;
    }

    /** About {@code mean}, varying person to person (log-normal), at least 1 and at most {@code max}. */
    private static int spread(SplittableRandom random, int mean, int max) {
        double gaussian = random.nextGaussian();
        return (int) Math.max(1, Math.min(max, Math.round(mean * Math.exp(0.6 * gaussian - 0.18))));
    }

    void writeAccounts(BulkLoad load, String passwordHash) throws SQLException {
        SplittableRandom random = new SplittableRandom(SEED + 10);
        try (var rows = load.into("account", "id", "handle", "handle_key", "email", "email_key", "password_hash",
                "display_name", "bio", "locale", "time_zone", "state", "role", "conduct_accepted_at", "created_at",
                "verified_at")) {
            for (int n = 0; n < size.users; n++) {
                Instant created = Instant.ofEpochMilli(userMillis(n));
                String handle = "u" + n;
                String email = handle + "@" + EMAIL_DOMAIN;
                String name = FIRST[random.nextInt(FIRST.length)] + " " + Character.toUpperCase(WORDS[random.nextInt(WORDS.length)].charAt(0)) + ".";
                rows.row(userId(n), handle, handle, email, email, passwordHash, name, "", random.nextInt(5) == 0 ? "fr" : "en",
                        "UTC", "ACTIVE", "MEMBER", created, created, created);
            }
        }
        try (var rows = load.into("api_token", "id", "account_id", "name", "token_hash", "created_at")) {
            for (int n = 0; n < size.users; n++) {
                rows.row(id(userMillis(n), TOKEN_NODE, 0), userId(n), "bench", SecretTokens.hash(TOKEN_PREFIX + n),
                        Instant.ofEpochMilli(userMillis(n)));
            }
        }
    }

    void writeGroups(BulkLoad load) throws SQLException {
        SplittableRandom random = new SplittableRandom(SEED + 11);
        long groupStart = userStart + Duration.ofHours(1).toMillis();
        try (var rows = load.into("topic_group", "id", "slug", "slug_key", "name", "description", "language", "visibility",
                "join_policy", "moderators_only_posting", "is_default", "member_count", "created_by", "created_at",
                "last_activity_at")) {
            for (int g = 0; g < size.groups; g++) {
                if (owner[g] < 0) {
                    owner[g] = random.nextInt(size.users); // nobody drew it: its founder is its only member
                    memberCount[g] = 1;
                }
                long created = groupStart + g * 1000L;
                String name = capitalise(WORDS[random.nextInt(WORDS.length)]) + " " + WORDS[random.nextInt(WORDS.length)] + " " + g;
                rows.row(groupId(g), "g" + g, "g" + g, name, "A group about " + name.toLowerCase(java.util.Locale.ROOT) + ".",
                        "en", privateGroup[g] ? "PRIVATE" : "PUBLIC", privateGroup[g] ? "REQUEST" : "OPEN", false, false,
                        memberCount[g], userId(owner[g]), Instant.ofEpochMilli(created),
                        Instant.ofEpochMilli(Math.max(created, groupLastActivity[g])));
            }
        }
        try (var rows = load.into("group_member", "group_id", "account_id", "role", "since")) {
            boolean[] ownerWritten = new boolean[size.groups];
            for (int n = 0; n < size.users; n++) {
                for (int i = joinedFrom[n]; i < joinedFrom[n + 1]; i++) {
                    int g = joined[i];
                    boolean owns = owner[g] == n;
                    ownerWritten[g] |= owns;
                    rows.row(groupId(g), userId(n), owns ? "OWNER" : "MEMBER", Instant.ofEpochMilli(windowStart - 1000L * n));
                }
            }
            for (int g = 0; g < size.groups; g++) {
                if (!ownerWritten[g]) {
                    rows.row(groupId(g), userId(owner[g]), "OWNER", Instant.ofEpochMilli(windowStart));
                }
            }
        }
    }

    private long groupId(int g) {
        return id(userStart + Duration.ofHours(1).toMillis() + g * 1000L, GROUP_NODE, 0);
    }

    void writeFollows(BulkLoad load) throws SQLException {
        SplittableRandom random = new SplittableRandom(SEED + 12);
        int[] popularRank = Zipf.permutation(size.users, random);
        Zipf popularity = new Zipf(size.users, 0.8);
        try (var rows = load.into("follow", "follower_id", "followee_id", "created_at")) {
            for (int n = 0; n < size.users; n++) {
                int wanted = spread(random, SeedSize.FOLLOWS_PER_USER, Math.min(size.users - 1, 300));
                Set<Integer> mine = new HashSet<>();
                for (int tries = 0; mine.size() < wanted && tries < wanted * 50; tries++) {
                    int other = popularRank[popularity.next(random)];
                    if (other != n && mine.add(other)) {
                        rows.row(userId(n), userId(other), Instant.ofEpochMilli(windowStart - random.nextLong(WINDOW.toMillis())));
                    }
                }
            }
        }
    }

    void writePosts(BulkLoad load) throws SQLException {
        SplittableRandom random = new SplittableRandom(SEED + 13);
        try (var rows = load.into("post", "id", "group_id", "author_id", "title", "body", "body_html", "created_at",
                "comment_count", "like_count", "last_comment_at")) {
            for (int p = 0; p < size.posts; p++) {
                String title = capitalise(words(random, 3 + random.nextInt(6)));
                String body = capitalise(words(random, 10 + random.nextInt(50))) + ".";
                rows.row(postIds[p], postGroup[p] < 0 ? null : groupId(postGroup[p]), userId(postAuthor[p]), title, body,
                        "<p>" + body + "</p>\n", Instant.ofEpochMilli(postMillis[p]), postComments[p], postLikes[p],
                        postComments[p] == 0 ? null : Instant.ofEpochMilli(postLastComment[p]));
            }
        }
    }

    /** Comments in time order, and the notification each one gave the post's author. */
    void writeComments(BulkLoad load) throws SQLException {
        SplittableRandom random = new SplittableRandom(SEED + 14);
        long[] commentIds = new long[commentOrder.length];
        long previous = -1;
        try (var rows = load.into("post_comment", "id", "post_id", "depth", "author_id", "body", "body_html", "created_at")) {
            for (int i = 0; i < commentOrder.length; i++) {
                int c = (int) (commentOrder[i] & ((1 << 21) - 1));
                long at = commentOrder[i] >>> 21;
                commentIds[i] = Math.max(id(at, COMMENT_NODE, 0), previous + 1);
                previous = commentIds[i];
                String body = capitalise(words(random, 4 + random.nextInt(30))) + ".";
                rows.row(commentIds[i], postIds[commentPost[c]], 0, userId(commentAuthor[c]), body, "<p>" + body + "</p>\n",
                        Instant.ofEpochMilli(at));
            }
        }
        long readBefore = now.minus(Duration.ofDays(3)).toEpochMilli();
        previous = -1;
        try (var rows = load.into("notification", "id", "recipient_id", "kind", "actor_id", "group_id", "post_id",
                "comment_id", "created_at", "read_at")) {
            for (int i = 0; i < commentOrder.length; i++) {
                int c = (int) (commentOrder[i] & ((1 << 21) - 1));
                long at = commentOrder[i] >>> 21;
                int p = commentPost[c];
                if (postAuthor[p] == commentAuthor[c]) {
                    continue;
                }
                long id = Math.max(id(at, NOTIFICATION_NODE, 0), previous + 1);
                previous = id;
                rows.row(id, userId(postAuthor[p]), "COMMENT_ON_POST", userId(commentAuthor[c]),
                        postGroup[p] < 0 ? null : groupId(postGroup[p]), postIds[p], commentIds[i], Instant.ofEpochMilli(at),
                        at < readBefore ? Instant.ofEpochMilli(at + Duration.ofHours(2).toMillis()) : null);
            }
        }
    }

    void writeLikes(BulkLoad load) throws SQLException {
        SplittableRandom random = new SplittableRandom(SEED + 15);
        long latest = now.toEpochMilli() - 1000;
        try (var rows = load.into("post_like", "post_id", "account_id", "created_at")) {
            for (int p = 0; p < size.posts; p++) {
                Set<Integer> likers = new HashSet<>();
                while (likers.size() < postLikes[p]) {
                    int n = random.nextInt(size.users);
                    if (likers.add(n)) {
                        long at = Math.min(postMillis[p] + random.nextLong(Duration.ofDays(1).toMillis()), latest);
                        rows.row(postIds[p], userId(n), Instant.ofEpochMilli(at));
                    }
                }
            }
        }
    }

    /**
     * What load tools need to pick realistic targets without reading the database: the id formula, how to sign in,
     * recent public posts, and group slugs drawn by popularity.
     */
    void writeFeeders(Path directory) throws IOException {
        Files.createDirectories(directory);
        SplittableRandom random = new SplittableRandom(SEED + 20);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(directory.resolve("seed.properties")))) {
            out.println("size=" + size.name().toLowerCase(java.util.Locale.ROOT));
            out.println("users=" + size.users);
            out.println("userBaseId=" + userId(0));
            out.println("userIdStep=" + userIdStep());
            out.println("password=" + PASSWORD);
            out.println("emailDomain=" + EMAIL_DOMAIN);
            out.println("tokenPrefix=" + TOKEN_PREFIX);
            out.println("seededAt=" + now);
        }
        long recent = now.minus(Duration.ofDays(7)).toEpochMilli();
        int firstRecent = Math.max(0, -Arrays.binarySearch(postMillis, recent) - 1);
        firstRecent = Math.min(firstRecent, size.posts - 1);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(directory.resolve("posts.csv")))) {
            out.println("postId");
            for (int written = 0, tries = 0; written < 10_000 && tries < 1_000_000; tries++) {
                int p = firstRecent + random.nextInt(size.posts - firstRecent);
                if (postGroup[p] < 0 || !privateGroup[postGroup[p]]) {
                    out.println(postIds[p]);
                    written++;
                }
            }
        }
        writeInteractions(directory, random, firstRecent);
        Zipf popularity = new Zipf(size.groups, 0.7);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(directory.resolve("groups.csv")))) {
            out.println("slug");
            for (int written = 0, tries = 0; written < 10_000 && tries < 1_000_000; tries++) {
                int g = popularity.next(random);
                if (!privateGroup[g]) {
                    out.println("g" + g);
                    written++;
                }
            }
        }
    }

    /**
     * Who may act on what: a person, a recent post they may like and comment on (a member of its group, or anyone
     * for a profile post) and one of their groups to post in. Writes that a random person could not make would
     * measure refusals, not writes.
     */
    private void writeInteractions(Path directory, SplittableRandom random, int firstRecent) throws IOException {
        int[] membersFrom = new int[size.groups + 1];
        for (int g : joined) {
            membersFrom[g + 1]++;
        }
        for (int g = 0; g < size.groups; g++) {
            membersFrom[g + 1] += membersFrom[g];
        }
        int[] members = new int[joined.length];
        int[] filled = Arrays.copyOf(membersFrom, size.groups);
        for (int n = 0; n < size.users; n++) {
            for (int i = joinedFrom[n]; i < joinedFrom[n + 1]; i++) {
                members[filled[joined[i]]++] = n;
            }
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(directory.resolve("interactions.csv")))) {
            out.println("user,postId,slug");
            for (int written = 0, tries = 0; written < 20_000 && tries < 1_000_000; tries++) {
                int p = firstRecent + random.nextInt(size.posts - firstRecent);
                int g = postGroup[p];
                int n = g < 0 ? random.nextInt(size.users)
                        : membersFrom[g + 1] > membersFrom[g] ? members[membersFrom[g] + random.nextInt(membersFrom[g + 1] - membersFrom[g])] : -1;
                int groups = n < 0 ? 0 : joinedFrom[n + 1] - joinedFrom[n];
                if (groups > 0) {
                    out.println(n + "," + postIds[p] + ",g" + joined[joinedFrom[n] + random.nextInt(groups)]);
                    written++;
                }
            }
        }
    }

    private static String words(SplittableRandom random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
