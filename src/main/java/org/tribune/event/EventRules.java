package org.tribune.event;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.tribune.platform.InvalidInput;

/** What a host may write: checked in one place, every mistake reported at once (field names are the form's). */
final class EventRules {
    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 20_000;
    static final int PLACE_MAX = 500;
    static final int URL_MAX = 2_000;
    static final int CAPACITY_MAX = 100_000;
    /** Longer gatherings are several events: this also bounds what a calendar shows. */
    static final Duration LONGEST = Duration.ofDays(31);

    private EventRules() {
    }

    /** The draft, trimmed, or every problem with it. {@code startMayBePast} on edits of an event already begun. */
    static EventDraft check(EventDraft d, Instant now, boolean startMayBePast) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        String title = trim(d.title());
        String description = d.description() == null ? "" : d.description().strip();
        String place = trim(d.place());
        String url = trim(d.onlineUrl());
        if (title == null) {
            problems.add("title", "event.title-required");
        } else if (title.length() > TITLE_MAX) {
            problems.add("title", "event.title-too-long", TITLE_MAX);
        }
        if (description.length() > DESCRIPTION_MAX) {
            problems.add("description", "event.description-too-long", DESCRIPTION_MAX);
        }
        if (d.start() == null) {
            problems.add("start", "event.start-required");
        } else if (!startMayBePast && !d.start().isAfter(now)) {
            problems.add("start", "event.start-past");
        }
        if (d.end() == null) {
            problems.add("end", "event.end-required");
        } else if (d.start() != null && !d.end().isAfter(d.start())) {
            problems.add("end", "event.end-before-start");
        } else if (d.start() != null && Duration.between(d.start(), d.end()).compareTo(LONGEST) > 0) {
            problems.add("end", "event.too-long", LONGEST.toDays());
        }
        if (!isZone(d.timeZone())) {
            problems.add("timeZone", "event.zone-unknown");
        }
        if (place == null && url == null) {
            problems.add("place", "event.place-required");
        }
        if (place != null && place.length() > PLACE_MAX) {
            problems.add("place", "event.place-too-long", PLACE_MAX);
        }
        if (url != null && !isWebAddress(url)) {
            problems.add("onlineUrl", "event.url-invalid");
        }
        if (d.capacity() != null && (d.capacity() < 1 || d.capacity() > CAPACITY_MAX)) {
            problems.add("capacity", "event.capacity-invalid", CAPACITY_MAX);
        }
        problems.throwIfAny();
        return new EventDraft(title, description, d.start(), d.end(), d.timeZone().trim(), place, url, d.capacity(),
                d.hideAttendees());
    }

    /** An IANA region name such as Europe/Paris (or UTC): never an offset, which would not follow summer time. */
    static boolean isZone(String zone) {
        return zone != null && (ZoneId.getAvailableZoneIds().contains(zone.trim()) || "UTC".equals(zone.trim()));
    }

    private static boolean isWebAddress(String url) {
        if (url.length() > URL_MAX || url.chars().anyMatch(c -> c <= ' ')) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
