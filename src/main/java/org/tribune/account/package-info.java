/**
 * Accounts: sign-up, e-mail verification, login and its throttling, profile, settings, API tokens, the first
 * administrator and the administrators' user list. Other features learn who someone is through
 * {@link org.tribune.account.AccountService} and the events published here.
 */
package org.tribune.account;
