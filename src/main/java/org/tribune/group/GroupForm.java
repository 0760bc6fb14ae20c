package org.tribune.group;

import java.util.List;

/** What a person fills in to create or change a group; enums arrive as text and are checked by the service. */
public record GroupForm(String slug, String name, String description, String language, String visibility,
        String joinPolicy, List<String> joinQuestions, boolean moderatorsOnlyPosting) {
    public GroupForm {
        joinQuestions = joinQuestions == null ? List.of() : joinQuestions.stream()
                .map(q -> q == null ? "" : q.strip()).filter(q -> !q.isEmpty()).toList();
    }
}
