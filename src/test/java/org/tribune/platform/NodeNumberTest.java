package org.tribune.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribune.IntegrationTest;

/** Nodes sharing a database never share a node number, so they never make the same id. */
@IntegrationTest
class NodeNumberTest {
    @Autowired
    JdbcClient db;
    @Autowired
    NodeNumber thisNode;

    @Test
    void eachStartingNodeLeasesAFreeNumber() {
        Set<Integer> numbers = new HashSet<>();
        numbers.add(thisNode.value());
        for (int i = 0; i < 5; i++) {
            assertThat(numbers.add(new NodeNumber(db, Clock.systemUTC(), -1).value())).isTrue();
        }
    }

    @Test
    void aConfiguredNumberIsTakenAsItIs() {
        assertThat(new NodeNumber(db, Clock.systemUTC(), 1030).value()).isEqualTo(6);
    }
}
