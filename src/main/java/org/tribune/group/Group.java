package org.tribune.group;

import java.time.Instant;
import java.util.List;

/** A topic group. */
public record Group(long id, String slug, String name, String description, String language, Visibility visibility,
        JoinPolicy joinPolicy, List<String> joinQuestions, boolean moderatorsOnlyPosting, boolean isDefault,
        int memberCount, Instant createdAt, Instant lastActivityAt) {

    public Group {
        joinQuestions = List.copyOf(joinQuestions);
    }

    public boolean isPublic() {
        return visibility == Visibility.PUBLIC;
    }
}
