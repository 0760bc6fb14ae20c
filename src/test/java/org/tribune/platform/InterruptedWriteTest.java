package org.tribune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tribune.IntegrationTest;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.post.PostService;

/**
 * A request whose thread is interrupted while it writes (a cut connection, a library that re-asserts an interrupt)
 * may fail itself, as an outage, but takes nothing down with it: every write after it, from other threads, is done,
 * and what it acknowledged is there. On the embedded file this needs H2's {@code retry:} file system
 * ({@link InterruptSafeDatabaseTest}); on PostgreSQL the pool drops the connection the interrupt closed.
 */
@IntegrationTest
class InterruptedWriteTest {
    @Autowired
    Members members;
    @Autowired
    PostService posts;

    @Test
    void anInterruptedWriteTakesNothingDownWithIt() throws Exception {
        Account author = members.active("intr");
        String run = "interrupted-" + UUID.randomUUID();
        for (int round = 0; round < 3; round++) {
            AtomicLong acknowledged = new AtomicLong(-1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread.ofVirtual().start(() -> {
                Thread.currentThread().interrupt();
                failure.set(catchThrowable(() -> acknowledged.set(
                        posts.publish(author, null, new PostService.Draft("", run + " interrupted", null)).id())));
            }).join();
            if (failure.get() == null) {
                assertThat(posts.read(acknowledged.get(), author.id()).id()).as("the acknowledged interrupted write")
                        .isEqualTo(acknowledged.get());
            }
            for (int i = 0; i < 5; i++) {
                long id = posts.publish(author, null, new PostService.Draft("", run + " after " + i, null)).id();
                assertThat(posts.read(id, author.id()).id()).isEqualTo(id);
            }
        }
    }
}
