package org.tribune.event;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.group.Group;
import org.tribune.group.GroupPage;
import org.tribune.group.GroupService;
import org.tribune.media.MediaService;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.SiteAddress;
import org.tribune.platform.web.JteViews;
import org.tribune.platform.web.Viewer;

/** Event pages: one event, its form, answers, the group's events, everything coming up, and the calendar. */
@Controller
class EventController {
    static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final EventService events;
    private final Attendance attendance;
    private final CalendarFeeds calendars;
    private final ReminderSettings reminders;
    private final GroupService groups;
    private final AccountService accounts;
    private final SiteAddress site;

    EventController(EventService events, Attendance attendance, CalendarFeeds calendars, ReminderSettings reminders,
            GroupService groups, AccountService accounts, SiteAddress site) {
        this.site = site;
        this.events = events;
        this.attendance = attendance;
        this.calendars = calendars;
        this.reminders = reminders;
        this.groups = groups;
        this.accounts = accounts;
    }

    @GetMapping("/events")
    String mine(Account me, @RequestParam(required = false) Long after, Model model) {
        List<EventView> coming = events.upcomingForMember(me.id(), after, EventService.PAGE_SIZE);
        model.addAttribute("events", coming);
        model.addAttribute("next", coming.size() == EventService.PAGE_SIZE ? coming.getLast().event().id() : null);
        model.addAttribute("reminders", reminders.wanted(me.id()));
        model.addAttribute("calendarSince", calendars.tokenMadeAt(me.id()).orElse(null));
        return "event/mine";
    }

    @PostMapping("/events/reminders")
    String reminders(Account me, @RequestParam(defaultValue = "false") boolean on, RedirectAttributes redirect) {
        reminders.set(me, on);
        redirect.addFlashAttribute(JteViews.NOTICE, on ? "event.reminders-on" : "event.reminders-off");
        return "redirect:/events";
    }

    /** The new secret address is shown on this page only, once: it is not kept. */
    @PostMapping("/events/calendar")
    String newCalendar(Account me, Model model) {
        model.addAttribute("address", site.of("/events/calendar/" + calendars.newToken(me) + ".ics"));
        return "event/calendar-link";
    }

    @PostMapping("/events/calendar/revoke")
    String revokeCalendar(Account me, RedirectAttributes redirect) {
        calendars.revoke(me);
        redirect.addFlashAttribute(JteViews.NOTICE, "event.calendar-revoked");
        return "redirect:/events";
    }

    /** The personal feed: no session, the token is the key. */
    @GetMapping("/events/calendar/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        return ResponseEntity.ok().contentType(CALENDAR).header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(calendars.feed(token));
    }

    @GetMapping("/events/{id}.ics")
    ResponseEntity<String> ics(@PathVariable long id, Viewer viewer) {
        String body = calendars.eventCalendar(id, viewer == null ? null : viewer.id());
        return ResponseEntity.ok().contentType(CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"event-" + id + ".ics\"").body(body);
    }

    @GetMapping("/events/{id}")
    String event(@PathVariable long id, Viewer viewer, Model model) {
        EventView view = events.view(id, viewer == null ? null : viewer.id());
        model.addAttribute("view", view);
        List<Attendee> attendees = attendance.attendees(view);
        model.addAttribute("attendees", attendees);
        model.addAttribute("people", accounts.byIds(attendees.stream().map(Attendee::accountId).toList()));
        return "event/event";
    }

    @PostMapping("/events/{id}/rsvp")
    String answer(Account me, @PathVariable long id, @RequestParam(defaultValue = "") String status,
            RedirectAttributes redirect) {
        RsvpStatus wanted = RsvpStatus.answer(status);
        if (wanted == null) {
            throw InvalidInput.of("status", "event.rsvp-invalid");
        }
        EventView view = attendance.answer(me, id, wanted);
        redirect.addFlashAttribute(JteViews.NOTICE, "event.answered." + view.myRsvp().name().toLowerCase(java.util.Locale.ROOT));
        return "redirect:/events/" + id;
    }

    @GetMapping("/groups/{slug}/events")
    String groupEvents(@PathVariable String slug, @RequestParam(required = false) Long before, Viewer viewer, Model model) {
        Account me = accounts.of(viewer).orElse(null);
        GroupPage group = groups.view(slug, me);
        Long viewerId = me == null ? null : me.id();
        model.addAttribute("group", group);
        model.addAttribute("upcoming", before == null ? events.upcomingIn(group.group(), viewerId, null, EventService.PAGE_SIZE) : List.of());
        List<EventView> past = events.pastIn(group.group(), viewerId, before, EventService.PAGE_SIZE);
        model.addAttribute("past", past);
        model.addAttribute("next", past.size() == EventService.PAGE_SIZE ? past.getLast().event().id() : null);
        model.addAttribute("mayCreate", events.mayCreate(group.group(), me));
        model.addAttribute("membersMayCreate", events.membersMayCreate(group.group().id()));
        return "event/group";
    }

    @PostMapping("/groups/{slug}/events/settings")
    String settings(Account me, @PathVariable String slug, @RequestParam(defaultValue = "false") boolean membersMayCreate,
            RedirectAttributes redirect) {
        events.setMembersMayCreate(me, slug, membersMayCreate);
        redirect.addFlashAttribute(JteViews.NOTICE, "event.settings-saved");
        return "redirect:/groups/" + slug + "/events";
    }

    @GetMapping("/groups/{slug}/events/new")
    String newEvent(Account me, @PathVariable String slug, Model model) {
        Group group = events.group(slug, me);
        if (!events.mayCreate(group, me)) {
            throw new org.tribune.platform.Forbidden("event.create-moderators-only");
        }
        return form(model, group, null, null, EventForm.blank(me.zone()));
    }

    @PostMapping("/groups/{slug}/events")
    String create(Account me, @PathVariable String slug, @RequestParam Map<String, String> fields,
            @RequestParam(name = "picture", required = false) MultipartFile picture, Model model) {
        EventForm form = EventForm.from(fields);
        try {
            Event event = events.create(me, slug, form.draft(), pictureChange(picture, fields));
            return "redirect:/events/" + event.id();
        } catch (InvalidInput invalid) {
            model.addAttribute(JteViews.ERRORS, invalid);
            return form(model, events.group(slug, me), null, null, form);
        }
    }

    @GetMapping("/events/{id}/edit")
    String editForm(Account me, @PathVariable long id, Model model) {
        EventView view = events.view(id, me.id());
        if (!view.host()) {
            throw new org.tribune.platform.Forbidden("event.hosts-only");
        }
        return form(model, view.group(), view.event(), view.picture(), EventForm.of(view.event()));
    }

    @PostMapping("/events/{id}/edit")
    String edit(Account me, @PathVariable long id, @RequestParam Map<String, String> fields,
            @RequestParam(name = "picture", required = false) MultipartFile picture, Model model,
            RedirectAttributes redirect) {
        EventForm form = EventForm.from(fields);
        try {
            events.edit(me, id, form.draft(), pictureChange(picture, fields));
        } catch (InvalidInput invalid) {
            EventView view = events.view(id, me.id());
            model.addAttribute(JteViews.ERRORS, invalid);
            return form(model, view.group(), view.event(), view.picture(), form);
        }
        redirect.addFlashAttribute(JteViews.NOTICE, "event.saved");
        return "redirect:/events/" + id;
    }

    @PostMapping("/events/{id}/cancel")
    String cancel(Account me, @PathVariable long id, RedirectAttributes redirect) {
        events.cancel(me, id);
        redirect.addFlashAttribute(JteViews.NOTICE, "event.cancelled-notice");
        return "redirect:/events/" + id;
    }

    /** The form's picture: a file chosen (with its description), "remove the picture" ticked, or neither. */
    static EventService.PictureChange pictureChange(MultipartFile file, Map<String, String> fields) {
        MediaService.Upload upload = null;
        if (file != null && !file.isEmpty()) {
            try {
                upload = new MediaService.Upload(file.getOriginalFilename(), file.getBytes());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new EventService.PictureChange(upload, fields.getOrDefault("pictureDescription", ""),
                fields.containsKey("removePicture"));
    }

    private static String form(Model model, Group group, Event event, org.tribune.media.Picture picture, EventForm form) {
        model.addAttribute("group", group);
        model.addAttribute("picture", picture);
        model.addAttribute("event", event);
        model.addAttribute("form", form);
        model.addAttribute("zones", java.time.ZoneId.getAvailableZoneIds().stream()
                .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList());
        return "event/form";
    }
}
