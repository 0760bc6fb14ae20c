package org.tribune.trust;

import java.util.List;

/**
 * Where a person stands: their level, the next one and its bars with their counts. A regular sees instead the bars
 * they must keep ({@code toKeep}); a leader has nothing further to earn.
 *
 * @param next null for regulars and leaders: the leader level is given by administrators, not earned
 */
public record TrustProgress(TrustLevel level, boolean grantedByAdmin, TrustLevel next, List<Requirement> toNext,
        List<Requirement> toKeep) {

    public boolean hasNext() {
        return next != null;
    }
}
