package org.tribune.platform.live;

/**
 * One event for one account's open pages. {@code data} is written as JSON; a bus that crosses nodes serialises it, so
 * keep it to records, maps, strings and numbers.
 */
public record LiveMessage(long accountId, String event, Object data) {
}
