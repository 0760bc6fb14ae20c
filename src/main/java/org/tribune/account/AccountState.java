package org.tribune.account;

/** Where an account stands. Only ACTIVE accounts take part; WAITING ones read while they wait to be admitted. */
public enum AccountState { UNVERIFIED, WAITING, ACTIVE, SUSPENDED, DELETED }
