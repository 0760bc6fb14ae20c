package org.tribune.event;

import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.springframework.stereotype.Component;
import org.tribune.platform.SiteAddress;
import org.tribune.platform.web.Markdown;

/**
 * Writes events as iCalendar (RFC 5545) with ical4j: each event in its own time zone, whose VTIMEZONE definition is
 * included (from the definitions ical4j ships; it never fetches any), so calendar applications show it at the right
 * hour wherever their user is. Cancelled events stay in, with STATUS:CANCELLED, so calendars remove them.
 */
@Component
class ICalendar {
    static final String MEDIA_TYPE = "text/calendar;charset=UTF-8";
    private static final int DESCRIPTION_MAX = 2_000;

    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();
    private final Markdown markdown;
    private final String base;
    private final String host;

    ICalendar(Markdown markdown, SiteAddress site) {
        this.markdown = markdown;
        this.base = site.base();
        String h = URI.create(site.base()).getHost();
        this.host = h == null ? "tribune" : h;
    }

    String write(String name, Collection<Event> events, Instant now) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Tribune//Group events//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new Name(name));
        Set<String> zoneIds = new LinkedHashSet<>();
        events.forEach(e -> zoneIds.add(e.timeZone()));
        for (String zone : zoneIds) {
            net.fortuna.ical4j.model.TimeZone tz = zones.getTimeZone(zone);
            if (tz != null) {
                calendar.add(tz.getVTimeZone());
            }
        }
        for (Event e : events) {
            calendar.add(event(e, now));
        }
        return calendar.toString();
    }

    private VEvent event(Event e, Instant now) {
        boolean zoned = zones.getTimeZone(e.timeZone()) != null;
        // A zone ical4j has no definition for is written in UTC: the instant stays right, only the label is lost.
        VEvent event = zoned
                ? new VEvent(ZonedDateTime.ofInstant(e.start(), e.zone()), ZonedDateTime.ofInstant(e.end(), e.zone()), e.title())
                : new VEvent(e.start(), e.end(), e.title());
        event.add(new Uid("event-" + e.id() + "@" + host));
        event.replace(new DtStamp(now));
        event.add(new LastModified(e.updatedAt()));
        event.add(new Url(URI.create(base + "/events/" + e.id())));
        String text = markdown.toPlainText(e.description(), DESCRIPTION_MAX);
        if (!text.isEmpty() || e.onlineUrl() != null) {
            event.add(new Description(e.onlineUrl() == null ? text : (text + (text.isEmpty() ? "" : "\n\n") + e.onlineUrl())));
        }
        if (e.place() != null || e.onlineUrl() != null) {
            event.add(new Location(e.place() != null ? e.place() : e.onlineUrl()));
        }
        event.add(e.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        return event;
    }
}
