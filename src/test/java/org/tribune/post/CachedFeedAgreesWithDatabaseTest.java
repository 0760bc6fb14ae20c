package org.tribune.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tribune.IntegrationTest;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.follow.FollowService;
import org.tribune.group.Group;
import org.tribune.group.GroupAccess;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;
import org.tribune.platform.Ids;
import org.tribune.safety.SafetyService;

/**
 * The feeds' merge of cached newest-post lists gives exactly what the database's keyset query gives, page after page,
 * on a generated community: groups of every visibility, one busier than the cached window, follows, profile posts,
 * deletions, blocks and mutes. Where the lists do not reach back far enough, the answer comes from the database.
 */
@IntegrationTest
class CachedFeedAgreesWithDatabaseTest {
    private static final int PAGE = 20;

    @Autowired
    Posts posts;
    @Autowired
    NewestPosts newest;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    GroupAccess access;
    @Autowired
    FollowService follows;
    @Autowired
    SafetyService safety;
    @Autowired
    Members members;
    @Autowired
    Ids ids;

    @Test
    void everyPageOfEveryFeedIsTheSameFromMemoryAsFromTheDatabase() {
        Random random = new Random(21);
        List<Account> people = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            people.add(members.active("cf"));
        }
        List<Group> made = List.of(group(people.get(0), "PUBLIC"), group(people.get(1), "PUBLIC"),
                group(people.get(2), "PRIVATE"), group(people.get(3), "HIDDEN"));
        List<List<Account>> membersOf = new ArrayList<>();
        for (int g = 0; g < made.size(); g++) {
            List<Account> in = new ArrayList<>(List.of(people.get(g)));
            for (Account person : people) {
                if (person != people.get(g) && made.get(g).visibility().name().equals("PUBLIC") && random.nextInt(3) > 0) {
                    groupJoining.join(person, made.get(g).slug(), List.of());
                    in.add(person);
                }
            }
            membersOf.add(in);
        }
        for (Account person : people) {
            for (Account other : people) {
                if (person != other && random.nextInt(4) == 0) {
                    follows.follow(person, other.handle());
                }
            }
        }
        List<Long> written = new ArrayList<>();
        Instant at = Instant.now();
        for (int i = 0; i < 700; i++) {
            // The first group gets over half: more than the cached window of its newest posts.
            int g = i % 2 == 0 ? 0 : random.nextInt(made.size() + 1) - 1;
            Account author;
            Long groupId;
            if (g < 0) {
                author = people.get(random.nextInt(people.size()));
                groupId = null;
            } else {
                List<Account> in = membersOf.get(g);
                author = in.get(random.nextInt(in.size()));
                groupId = made.get(g).id();
            }
            long id = ids.next();
            posts.insert(new Post(id, groupId, author.id(), "", "post " + i, "<p>post " + i + "</p>", null, at, null, 0, 0,
                    null, null, null));
            written.add(id);
        }
        for (int i = 0; i < 40; i++) {
            posts.delete(written.get(random.nextInt(written.size())), at);
        }
        safety.block(people.get(4), people.get(5).handle());
        safety.mute(people.get(6), people.get(0).handle(), null);
        safety.mute(people.get(7), people.get(1).handle(), Instant.now().plusSeconds(3600));

        int fromMemory = 0;
        int fromDatabase = 0;
        for (Account viewer : people) {
            Set<Long> hidden = safety.hiddenAuthors(viewer.id());
            Set<Long> authors = new HashSet<>(follows.followeeIds(viewer.id()));
            authors.add(viewer.id());
            authors.removeAll(hidden);
            Set<Long> mine = access.memberGroupIds(viewer.id());
            int[] counts = compare(mine, Set.of(), authors, hidden);
            fromMemory += counts[0];
            fromDatabase += counts[1];
            counts = compare(Set.of(), Set.of(viewer.id()), Set.of(), hidden); // their profile
            fromMemory += counts[0];
            fromDatabase += counts[1];
        }
        for (Group group : made) {
            int[] counts = compare(Set.of(group.id()), Set.of(), Set.of(), safety.hiddenAuthors(people.get(6).id()));
            fromMemory += counts[0];
            fromDatabase += counts[1];
        }
        assertThat(fromMemory).as("pages answered from the cached lists").isGreaterThan(20);
        assertThat(fromDatabase).as("pages past the cached window, asked of the database").isPositive();
    }

    @Test
    void aPublishedPostAndADeletedOneShowAtOnceOnTheNodeThatWroteThem() {
        Account author = members.active("cf");
        Group group = group(author, "PUBLIC");
        Set<Long> sources = Set.of(group.id());
        assertThat(page(sources)).isEmpty();
        long first = ids.next();
        posts.insert(new Post(first, group.id(), author.id(), "", "first", "<p>first</p>", null, Instant.now(), null, 0, 0,
                null, null, null));
        assertThat(page(sources)).containsExactly(first);
        long second = ids.next();
        posts.insert(new Post(second, group.id(), author.id(), "", "second", "<p>second</p>", null, Instant.now(), null, 0,
                0, null, null, null));
        assertThat(page(sources)).containsExactly(second, first);
        posts.delete(second, Instant.now());
        assertThat(page(sources)).containsExactly(first);
        posts.addLikes(first, 1);
        assertThat(posts.newest(sources, Set.of(), Set.of(), Set.of(), Long.MAX_VALUE, PAGE).getFirst().likeCount())
                .as("counts are not stale").isEqualTo(1);
    }

    private List<Long> page(Set<Long> groupIds) {
        return posts.newest(groupIds, Set.of(), Set.of(), Set.of(), Long.MAX_VALUE, PAGE).stream().map(Post::id).toList();
    }

    /** Walks every page of these sources both ways; how many pages the cached lists answered, and how many they did not. */
    private int[] compare(Set<Long> groupIds, Set<Long> profileAuthors, Set<Long> anyPostAuthors, Set<Long> hidden) {
        int[] counts = new int[2];
        long cursor = Long.MAX_VALUE;
        for (int page = 0; page < 100; page++) {
            Optional<List<Long>> remembered = newest.newest(groupIds, profileAuthors, anyPostAuthors, hidden, cursor, PAGE);
            counts[remembered.isPresent() ? 0 : 1]++;
            List<Post> cached = posts.newest(groupIds, profileAuthors, anyPostAuthors, hidden, cursor, PAGE);
            List<Post> database = posts.newestFromDatabase(groupIds, profileAuthors, anyPostAuthors, hidden, cursor, PAGE);
            assertThat(cached).as("page %d below %d", page, cursor).isEqualTo(database);
            remembered.ifPresent(ids -> assertThat(ids).isEqualTo(database.stream().map(Post::id).toList()));
            if (database.size() < PAGE) {
                break;
            }
            cursor = database.getLast().id();
        }
        return counts;
    }

    private Group group(Account owner, String visibility) {
        return groups.create(owner, new GroupForm(PostServiceIntegrationTest.slug(), "Cached " + visibility, "", "en",
                visibility, "OPEN", List.of(), false));
    }
}
