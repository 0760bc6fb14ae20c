package org.tribune.account;

/**
 * Where an account stands. Only ACTIVE accounts take part; WAITING ones read while they wait to be admitted.
 * CLOSING accounts asked to be deleted: frozen, they may only sign in to cancel until the purge makes them DELETED.
 */
public enum AccountState { UNVERIFIED, WAITING, ACTIVE, SUSPENDED, CLOSING, DELETED }
