package org.tribune.follow;

import java.util.List;

/** One page of a list of people; {@code next} is the cursor for the following page, null on the last one. */
public record People(List<Person> items, String next) {
    public People {
        items = List.copyOf(items);
    }
}
