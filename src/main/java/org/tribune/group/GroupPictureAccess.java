package org.tribune.group;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.tribune.media.PictureAccess;
import org.tribune.media.PictureUse;

/**
 * Who may see a group's banner and icon: whoever may know the group exists (a hidden group's only its members and
 * those it invited, privately), like its name.
 */
@Component
class GroupPictureAccess implements PictureAccess {
    private final GroupAccess access;

    GroupPictureAccess(GroupAccess access) {
        this.access = access;
    }

    @Override
    public Optional<Decision> decide(PictureUse use, long attachedTo, Long viewerId) {
        if (use != PictureUse.BANNER && use != PictureUse.ICON) {
            return Optional.empty();
        }
        return Optional.of(access.group(attachedTo)
                .filter(g -> access.canSee(g, viewerId))
                .map(g -> g.visibility() == Visibility.HIDDEN ? Decision.PRIVATE : Decision.PUBLIC)
                .orElse(Decision.REFUSED));
    }
}
