package org.tribune.post;

import java.util.HashSet;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.tribune.group.Group;
import org.tribune.group.GroupAccess;

/** Who hears of a mention: only people who can read where it was written (anyone, on a profile). */
@Component
class MentionAudience {
    private final GroupAccess groups;

    MentionAudience(GroupAccess groups) {
        this.groups = groups;
    }

    /** Of the people this text mentions, those who may read it in this group ({@code null}: a profile). */
    Set<Long> of(PostText.Rendered rendered, Group group) {
        Set<Long> visible = new HashSet<>();
        for (Long id : rendered.mentions().values()) {
            if (group == null || groups.canRead(group, id)) {
                visible.add(id);
            }
        }
        return visible;
    }
}
