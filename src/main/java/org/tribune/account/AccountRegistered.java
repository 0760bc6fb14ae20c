package org.tribune.account;

/** Published when an account is created, before its address is verified. */
public record AccountRegistered(long accountId) {
}
