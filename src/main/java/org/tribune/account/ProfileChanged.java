package org.tribune.account;

/** A person's display name or privacy settings changed: what others may find of them may have changed too. */
public record ProfileChanged(long accountId) {
}
