package org.tribune.follow;

import static org.tribune.platform.Sql.instant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.platform.personaldata.DataCategory;
import org.tribune.platform.personaldata.Erasure;
import org.tribune.platform.personaldata.ExportWriter;
import org.tribune.platform.personaldata.PersonalData;

/** Whom a person follows and who follows them, as ActivityStreams Follow activities. Both go on erasure. */
@Component
class FollowData implements PersonalData {
    static final DataCategory FOLLOWS = new DataCategory("follows");
    static final DataCategory FOLLOWERS = new DataCategory("followers");

    private final JdbcClient db;
    private final AccountService accounts;
    private final Follows follows;

    FollowData(JdbcClient db, AccountService accounts, Follows follows) {
        this.follows = follows;
        this.db = db;
        this.accounts = accounts;
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(FOLLOWS, FOLLOWERS);
    }

    @Override
    public Map<String, Long> counts(long accountId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(FOLLOWS.name(), db.sql("select count(*) from follow where follower_id = ?").param(accountId)
                .query(Long.class).single());
        counts.put(FOLLOWERS.name(), db.sql("select count(*) from follow where followee_id = ?").param(accountId)
                .query(Long.class).single());
        return counts;
    }

    private record Edge(long other, java.time.Instant at) {
    }

    @Override
    public void export(long accountId, ExportWriter out) {
        List<Edge> following = db.sql("select followee_id as other, created_at from follow where follower_id = ? order by created_at")
                .param(accountId).query((rs, n) -> new Edge(rs.getLong("other"), instant(rs, "created_at"))).list();
        List<Edge> followers = db.sql("select follower_id as other, created_at from follow where followee_id = ? order by created_at")
                .param(accountId).query((rs, n) -> new Edge(rs.getLong("other"), instant(rs, "created_at"))).list();
        Map<Long, Account> people = accounts.byIds(java.util.stream.Stream.concat(following.stream(), followers.stream())
                .map(Edge::other).distinct().toList());
        out.records(FOLLOWS.name(), following.stream().map(e -> follow("me", handle(people, e.other()), e.at())).toList());
        out.records(FOLLOWERS.name(), followers.stream().map(e -> follow(handle(people, e.other()), "me", e.at())).toList());
    }

    /** Only the handle, which is public: never anyone else's address. */
    private static String handle(Map<Long, Account> people, long id) {
        Account a = people.get(id);
        return a == null ? "former-member" : "@" + a.handle();
    }

    private static Map<String, Object> follow(String actor, String object, java.time.Instant at) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("type", "Follow");
        row.put("actor", actor);
        row.put("object", object);
        row.put("published", at);
        return row;
    }

    @Override
    public void erase(long accountId, Erasure erasure) {
        db.sql("delete from follow where follower_id = ? or followee_id = ?").params(accountId, accountId).update();
        follows.forgetAll();
    }
}
