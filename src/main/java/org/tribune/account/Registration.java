package org.tribune.account;

/** The answer to a sign-up. It is the same whether or not the address was already known. */
public record Registration(String handle, String email, String locale, AccountState state) {
}
