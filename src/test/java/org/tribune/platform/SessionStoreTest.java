package org.tribune.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.tribune.IntegrationTest;

/** Two requests of one session that add the same attribute at once: the later write wins, nothing fails. */
@IntegrationTest
class SessionStoreTest {
    @Autowired
    JdbcIndexedSessionRepository repository;

    @Test
    @SuppressWarnings("unchecked") // its session type is not public: used through the Session interface
    void twoRequestsAddingTheSameAttributeDoNotCollide() {
        SessionRepository<Session> sessions = (SessionRepository<Session>) (SessionRepository<?>) repository;
        Session created = sessions.createSession();
        sessions.save(created);
        Session first = sessions.findById(created.getId());   // two requests load the session at the same time
        Session second = sessions.findById(created.getId());
        first.setAttribute("shared", "from the first");
        sessions.save(first);
        second.setAttribute("shared", "from the second"); // both insert it: before, a duplicate key
        sessions.save(second);

        assertThat((String) sessions.findById(created.getId()).getAttribute("shared")).isEqualTo("from the second");
        sessions.deleteById(created.getId());
    }
}
