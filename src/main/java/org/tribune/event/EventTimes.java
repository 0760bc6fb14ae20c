package org.tribune.event;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.tribune.platform.web.Page;

/**
 * When an event takes place, in words for one reader: in their own zone and language, and also in the event's zone
 * when it is another ("Saturday 12 April 2030, 10:00 – 13:00 · 04:00 – 07:00 America/New_York").
 */
public final class EventTimes {
    private EventTimes() {
    }

    /** The time in the reader's zone. */
    public static String inReadersZone(Event e, Page page) {
        return span(e, page.zone(), page.locale());
    }

    /** The time in the event's own zone with its name, or null when the reader is in that zone already. */
    public static String inEventsZone(Event e, Page page) {
        if (sameRules(e.zone(), page.zone(), e)) {
            return null;
        }
        return span(e, e.zone(), page.locale()) + " (" + e.timeZone() + ")";
    }

    /** Both: the reader's, then the event's when different. */
    public static String both(Event e, Page page) {
        String other = inEventsZone(e, page);
        return inReadersZone(e, page) + (other == null ? "" : " · " + other);
    }

    static String span(Event e, ZoneId zone, Locale locale) {
        ZonedDateTime start = e.start().atZone(zone);
        ZonedDateTime end = e.end().atZone(zone);
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
        DateTimeFormatter hour = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        if (start.toLocalDate().equals(end.toLocalDate())) {
            return day.format(start) + ", " + hour.format(start) + " – " + hour.format(end);
        }
        return day.format(start) + ", " + hour.format(start) + " – " + day.format(end) + ", " + hour.format(end);
    }

    /** Two zones are the same for this event when they agree on its start and end. */
    private static boolean sameRules(ZoneId a, ZoneId b, Event e) {
        return a.getRules().getOffset(e.start()).equals(b.getRules().getOffset(e.start()))
                && a.getRules().getOffset(e.end()).equals(b.getRules().getOffset(e.end()));
    }
}
