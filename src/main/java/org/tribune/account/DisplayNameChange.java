package org.tribune.account;

import java.time.Instant;

/** An earlier display name, kept for moderators. */
public record DisplayNameChange(String oldName, String newName, Instant changedAt) {
}
