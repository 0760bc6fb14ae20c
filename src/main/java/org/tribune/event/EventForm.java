package org.tribune.event;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.tribune.platform.InvalidInput;

/**
 * The event form as typed: start and end are local date-times ({@code 2030-04-12T10:00}, what
 * {@code <input type="datetime-local">} sends) read in the chosen time zone.
 */
public record EventForm(String title, String description, String start, String end, String timeZone, String place,
        String onlineUrl, String capacity, boolean hideAttendees) {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    static EventForm from(Map<String, String> fields) {
        return new EventForm(fields.getOrDefault("title", ""), fields.getOrDefault("description", ""),
                fields.getOrDefault("start", ""), fields.getOrDefault("end", ""), fields.getOrDefault("timeZone", ""),
                fields.getOrDefault("place", ""), fields.getOrDefault("onlineUrl", ""), fields.getOrDefault("capacity", ""),
                fields.containsKey("hideAttendees"));
    }

    static EventForm blank(ZoneId zone) {
        return new EventForm("", "", "", "", zone.getId(), "", "", "", false);
    }

    static EventForm of(Event e) {
        return new EventForm(e.title(), e.description(), LOCAL.format(e.start().atZone(e.zone())),
                LOCAL.format(e.end().atZone(e.zone())), e.timeZone(), e.place() == null ? "" : e.place(),
                e.onlineUrl() == null ? "" : e.onlineUrl(), e.capacity() == null ? "" : e.capacity().toString(),
                e.attendeesHidden());
    }

    /** What the service checks; a date, zone or number that cannot be read is reported against its field. */
    EventDraft draft() {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        ZoneId zone = null;
        if (!EventRules.isZone(timeZone)) {
            problems.add("timeZone", "event.zone-unknown");
        } else {
            zone = ZoneId.of(timeZone.trim());
        }
        LocalDateTime from = local(start, "start", problems);
        LocalDateTime to = local(end, "end", problems);
        Integer places = null;
        if (capacity != null && !capacity.isBlank()) {
            try {
                places = Integer.valueOf(capacity.trim());
            } catch (NumberFormatException e) {
                problems.add("capacity", "event.capacity-invalid", EventRules.CAPACITY_MAX);
            }
        }
        problems.throwIfAny();
        return new EventDraft(title, description, from == null ? null : from.atZone(zone).toInstant(),
                to == null ? null : to.atZone(zone).toInstant(), timeZone, place, onlineUrl, places, hideAttendees);
    }

    private static LocalDateTime local(String text, String field, InvalidInput.Collector problems) {
        if (text == null || text.isBlank()) {
            problems.add(field, "event." + field + "-required");
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim().length() > 16 ? text.trim().substring(0, 16) : text.trim(), LOCAL);
        } catch (DateTimeException e) {
            problems.add(field, "event.date-invalid");
            return null;
        }
    }
}
