package org.tribune.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.tribune.media.MediaService;
import org.tribune.media.PictureUse;
import org.tribune.platform.personaldata.DataCategory;
import org.tribune.platform.personaldata.Erasure;
import org.tribune.platform.personaldata.ExportWriter;
import org.tribune.platform.personaldata.PersonalData;

/**
 * What events hold about a person: their answers, the events they created, the reminders sent to them and their
 * choice about reminders, and whether they have a calendar address (never its secret, which is not kept). Erasure
 * deletes answers, reminders and the address; events created stay for the group without their creator, or go with
 * the rest of the person's content when they chose to delete it.
 */
@Component
class EventData implements PersonalData {
    static final DataCategory ANSWERS = new DataCategory("event-answers");
    static final DataCategory CREATED = new DataCategory("events-created");
    static final DataCategory REMINDERS = new DataCategory("event-reminders");
    static final DataCategory CALENDAR = new DataCategory("event-calendar");

    private final Rsvps rsvps;
    private final Events events;
    private final Reminders reminders;
    private final CalendarTokens tokens;
    private final MediaService media;

    EventData(Rsvps rsvps, Events events, Reminders reminders, CalendarTokens tokens, MediaService media) {
        this.media = media;
        this.rsvps = rsvps;
        this.events = events;
        this.reminders = reminders;
        this.tokens = tokens;
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(ANSWERS, CREATED, REMINDERS, CALENDAR);
    }

    @Override
    public Map<String, Long> counts(long accountId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(ANSWERS.name(), (long) rsvps.allOf(accountId).size());
        counts.put(CREATED.name(), (long) events.createdBy(accountId).size());
        counts.put(REMINDERS.name(), reminders.countSent(accountId) + reminders.countSettings(accountId));
        counts.put(CALENDAR.name(), tokens.createdAt(accountId).isPresent() ? 1L : 0L);
        return counts;
    }

    @Override
    public void export(long accountId, ExportWriter out) {
        List<Attendee> answers = rsvps.allOf(accountId);
        Map<Long, Event> answered = events.byIds(answers.stream().map(Attendee::eventId).toList()).stream()
                .collect(Collectors.toMap(Event::id, e -> e));
        out.records(ANSWERS.name(), answers.stream().map(a -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("event", "/events/" + a.eventId());
            Event e = answered.get(a.eventId());
            row.put("title", e == null ? null : e.title());
            row.put("answer", a.status().name());
            row.put("answeredAt", a.answeredAt());
            return row;
        }).toList());
        out.records(CREATED.name(), events.createdBy(accountId).stream().map(e -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("event", "/events/" + e.id());
            row.put("title", e.title());
            row.put("description", e.description());
            row.put("start", e.start());
            row.put("end", e.end());
            row.put("timeZone", e.timeZone());
            row.put("place", e.place());
            row.put("onlineUrl", e.onlineUrl());
            row.put("capacity", e.capacity());
            row.put("cancelled", e.cancelled());
            row.put("createdAt", e.createdAt());
            return row;
        }).toList());
        List<Map<String, Object>> sent = reminders.sentTo(accountId).stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("event", "/events/" + r.eventId());
            row.put("kind", r.kind());
            row.put("sentAt", r.sentAt());
            return row;
        }).toList();
        List<Map<String, Object>> reminderRecords = new java.util.ArrayList<>(sent);
        reminderRecords.add(Map.of("remindersWanted", reminders.wanted(accountId)));
        out.records(REMINDERS.name(), reminderRecords);
        out.records(CALENDAR.name(), tokens.createdAt(accountId)
                .map(at -> List.of(Map.<String, Object>of("calendarAddressMadeAt", at))).orElse(List.of()));
    }

    @Override
    public void erase(long accountId, Erasure erasure) {
        rsvps.deleteAllOf(accountId);
        reminders.deleteAllOf(accountId);
        tokens.delete(accountId);
        if (erasure.deleteContent()) {
            // their pictures go too, even one a moderator set, so no file outlives its event
            events.createdBy(accountId).forEach(e -> media.removeFrom(PictureUse.EVENT, e.id()));
            events.deleteCreatedBy(accountId); // their answers and reminders go with them
        } else {
            events.forgetCreator(accountId);
        }
    }
}
