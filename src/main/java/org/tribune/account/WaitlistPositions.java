package org.tribune.account;

import java.util.OptionalLong;

/**
 * Where a waiting account stands in the queue. Admission supplies it; the account feature only shows it, so it
 * does not depend on admission.
 */
public interface WaitlistPositions {
    /** The 1-based place of this account in the queue, or empty if it is not waiting. */
    OptionalLong position(long accountId);
}
