package org.tribune.group;

import java.time.Instant;
import java.util.List;

/** Someone asking to join a REQUEST group, with their answers to its questions. */
public record JoinRequest(long id, long groupId, long accountId, String handle, String displayName,
        List<String> answers, Instant createdAt) {
    public JoinRequest {
        answers = List.copyOf(answers);
    }
}
