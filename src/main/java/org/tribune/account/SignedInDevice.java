package org.tribune.account;

import java.time.Instant;

/**
 * One place where a person is signed in, as their settings list it. {@code key} names the session without being
 * its secret id, so the page that lists devices never shows a usable session cookie.
 */
public record SignedInDevice(String key, String device, Instant signedInAt, Instant lastSeenAt, boolean current) {
}
