package org.tribune.account;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.tribune.media.PictureAccess;
import org.tribune.media.PictureUse;

/**
 * Who may see a person's picture: those their profile's audience admits (their privacy settings), never anyone
 * once the account is closing or gone.
 */
@Component
class AvatarAccess implements PictureAccess {
    private final Accounts accounts;
    private final AccountPrivacy privacy;

    AvatarAccess(Accounts accounts, AccountPrivacy privacy) {
        this.accounts = accounts;
        this.privacy = privacy;
    }

    @Override
    public Optional<Decision> decide(PictureUse use, long attachedTo, Long viewerId) {
        if (use != PictureUse.AVATAR) {
            return Optional.empty();
        }
        Optional<Account> person = accounts.byId(attachedTo);
        if (person.isEmpty() || !(person.get().state() == AccountState.ACTIVE || person.get().state() == AccountState.WAITING
                || person.get().state() == AccountState.SUSPENDED)) {
            return Optional.of(Decision.REFUSED);
        }
        Audience audience = privacy.of(attachedTo).profile();
        if (!audience.admits(viewerId, viewerId != null, attachedTo)) {
            return Optional.of(Decision.REFUSED);
        }
        return Optional.of(audience == Audience.EVERYONE ? Decision.PUBLIC : Decision.PRIVATE);
    }
}
