package org.tribune.platform.live;

import java.util.Set;

/**
 * The bus between nodes was cut for a while and is back: live messages published meanwhile never reached the pages
 * these accounts have open on this node. Features whose live events carry a state (an unread count...) send it again
 * with {@link LiveChannel#sendHere}.
 */
public record LiveUpdatesMissed(Set<Long> accountIds) {
}
