package org.tribune.account;

/**
 * An account's trust level (0 new … 4 leader), for "who am I" and the administrators' user page. The trust feature
 * supplies it; the account feature only shows it, so it does not depend on trust.
 */
public interface TrustLevelLookup {
    int trustLevel(long accountId);
}
