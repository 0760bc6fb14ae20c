package org.tribune.event;

import java.net.URI;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.group.Group;
import org.tribune.media.MediaJson;
import org.tribune.media.MediaService;
import org.tribune.platform.Forbidden;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.web.Listing;
import org.tribune.platform.web.Viewer;

/** Group events over the API, with the same rules as the pages. Ids are strings; times are ISO-8601 instants. */
@RestController
@Tag(name = "Events")
class EventApi {
    private final EventService events;
    private final Attendance attendance;
    private final AccountService accounts;

    EventApi(EventService events, Attendance attendance, AccountService accounts) {
        this.events = events;
        this.attendance = attendance;
        this.accounts = accounts;
    }

    @Schema(name = "Event", description = "A group event as the caller sees it")
    record EventJson(String id, String groupSlug, String groupName, String title,
            @Schema(description = "Markdown, as written") String description,
            @Schema(description = "The description rendered and sanitised") String descriptionHtml,
            Instant start, Instant end, @Schema(description = "The IANA zone it is planned in", example = "Europe/Paris") String timeZone,
            @Schema(nullable = true) String place, @Schema(nullable = true) String onlineUrl,
            @Schema(nullable = true, description = "null: no limit") Integer capacity,
            @Schema(description = "How many are going") int going, @Schema(description = "How many wait for a place") int waitlisted,
            @Schema(description = "Members see only counts; hosts always see the list") boolean attendeesHidden,
            boolean cancelled,
            @Schema(nullable = true, description = "Your answer; null when you gave none",
                    allowableValues = {"GOING", "WAITLISTED", "MAYBE", "DECLINED"}) String myRsvp,
            @Schema(description = "Whether you host it (its creator or a moderator of its group): you may edit and cancel it") boolean host,
            String url,
            @Schema(nullable = true, description = "Its picture; null when it has none") MediaJson picture) {
        static EventJson of(EventView v) {
            Event e = v.event();
            return new EventJson(Long.toString(e.id()), v.group().slug(), v.group().name(), e.title(), e.description(),
                    e.descriptionHtml(), e.start(), e.end(), e.timeZone(), e.place(), e.onlineUrl(), e.capacity(),
                    v.going(), v.waitlisted(), e.attendeesHidden(), e.cancelled(),
                    v.myRsvp() == null ? null : v.myRsvp().name(), v.host(), "/events/" + e.id(),
                    v.picture() == null ? null : MediaJson.of(v.picture()));
        }
    }

    @Schema(name = "NewEvent", description = "A place, an online link, or both")
    record NewEventJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Spring walk") String title,
            @Schema(description = "Markdown") String description,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2030-04-12T08:00:00Z") Instant start,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2030-04-12T11:00:00Z") Instant end,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Europe/Paris") String timeZone,
            String place, @Schema(description = "An http(s) address") String onlineUrl,
            @Schema(description = "Places; left out for no limit", minimum = "1") Integer capacity,
            @Schema(description = "Show members only the counts") Boolean hideAttendees) {
        EventDraft draft() {
            return new EventDraft(title, description, start, end, timeZone, place, onlineUrl, capacity,
                    Boolean.TRUE.equals(hideAttendees));
        }
    }

    @Schema(name = "EventChanges", description = "Only the fields sent change; an empty place or link removes it, capacity 0 removes the limit")
    record EventPatchJson(String title, String description, Instant start, Instant end, String timeZone, String place,
            String onlineUrl, @Schema(minimum = "0") Integer capacity, Boolean hideAttendees) {
        EventDraft over(Event e) {
            return new EventDraft(title == null ? e.title() : title, description == null ? e.description() : description,
                    start == null ? e.start() : start, end == null ? e.end() : end,
                    timeZone == null ? e.timeZone() : timeZone, place == null ? e.place() : place,
                    onlineUrl == null ? e.onlineUrl() : onlineUrl,
                    capacity == null ? e.capacity() : capacity == 0 ? null : capacity,
                    hideAttendees == null ? e.attendeesHidden() : hideAttendees);
        }
    }

    @Schema(name = "Rsvp")
    record RsvpJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"GOING", "MAYBE", "DECLINED"})
            String status) {
    }

    @GetMapping("/api/v1/groups/{slug}/events")
    @Operation(operationId = "listGroupEvents", summary = "A group's events: coming up (soonest first), or with past=true "
            + "those over (latest first); pass next as after= for more")
    Listing<EventJson> groupEvents(@PathVariable String slug, @RequestParam(defaultValue = "false") boolean past,
            @RequestParam(required = false) Long after, Viewer viewer) {
        Account me = accounts.of(viewer).orElse(null);
        Group group = events.group(slug, me);
        Long viewerId = me == null ? null : me.id();
        if (!events.canRead(group, viewerId)) {
            throw new Forbidden("group.members-only");
        }
        var page = past ? events.pastIn(group, viewerId, after, EventService.PAGE_SIZE)
                : events.upcomingIn(group, viewerId, after, EventService.PAGE_SIZE);
        return Listing.of(page, EventService.PAGE_SIZE, v -> v.event().id(), EventJson::of);
    }

    @PostMapping("/api/v1/groups/{slug}/events")
    @Operation(operationId = "createEvent", summary = "Create an event (moderators; members too where the group allows it)",
            responses = @ApiResponse(responseCode = "201", description = "Created; Location is the event"),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    examples = @ExampleObject(value = "{\"title\": \"Spring walk\", \"start\": \"2030-04-12T08:00:00Z\", "
                            + "\"end\": \"2030-04-12T11:00:00Z\", \"timeZone\": \"Europe/Paris\", \"place\": \"Parc de Sceaux\", "
                            + "\"capacity\": 12}"))))
    ResponseEntity<EventJson> create(Account me, @PathVariable String slug, @RequestBody NewEventJson body) {
        Event event = events.create(me, slug, body.draft());
        return ResponseEntity.created(URI.create("/api/v1/events/" + event.id()))
                .body(EventJson.of(events.view(event.id(), me.id())));
    }

    @GetMapping("/api/v1/events")
    @Operation(operationId = "listMyEvents", summary = "What is coming up in your groups, soonest first; "
            + "with going=true only those you are going to or waiting for; pass next as after= for more")
    Listing<EventJson> mine(Account me, @RequestParam(defaultValue = "false") boolean going,
            @RequestParam(required = false) Long after) {
        var page = going ? events.upcomingGoing(me.id(), after, EventService.PAGE_SIZE)
                : events.upcomingForMember(me.id(), after, EventService.PAGE_SIZE);
        return Listing.of(page, EventService.PAGE_SIZE, v -> v.event().id(), EventJson::of);
    }

    @GetMapping("/api/v1/events/{id}")
    @Operation(operationId = "getEvent", summary = "One event; 404 when it does not exist or its group is not yours to read")
    EventJson one(@PathVariable long id, Viewer viewer) {
        return EventJson.of(events.view(id, viewer == null ? null : viewer.id()));
    }

    @PatchMapping("/api/v1/events/{id}")
    @Operation(operationId = "editEvent", summary = "Change an event (its hosts); those who answered hear of a new time or place",
            responses = {@ApiResponse(responseCode = "200", description = "The event as changed"),
                    @ApiResponse(responseCode = "409", description = "The event is cancelled")})
    EventJson edit(Account me, @PathVariable long id, @RequestBody EventPatchJson body) {
        Event current = events.view(id, me.id()).event();
        events.edit(me, id, body.over(current));
        return EventJson.of(events.view(id, me.id()));
    }

    @DeleteMapping("/api/v1/events/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "cancelEvent", summary = "Cancel an event (its hosts): it stays, marked cancelled, and those who answered are told")
    void cancel(Account me, @PathVariable long id) {
        events.cancel(me, id);
    }

    @PutMapping("/api/v1/events/{id}/rsvp")
    @Operation(operationId = "answerEvent", summary = "Answer GOING, MAYBE or DECLINED (members of the group); GOING past "
            + "the capacity joins the waiting list (myRsvp WAITLISTED). Answers the event",
            responses = {@ApiResponse(responseCode = "200", description = "The event, with your answer in myRsvp"),
                    @ApiResponse(responseCode = "409", description = "The event is cancelled or over")},
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    examples = @ExampleObject(value = "{\"status\": \"GOING\"}"))))
    EventJson answer(Account me, @PathVariable long id, @RequestBody RsvpJson body) {
        RsvpStatus status = RsvpStatus.answer(body == null ? null : body.status());
        if (status == null) {
            throw InvalidInput.of("status", "event.rsvp-invalid");
        }
        return EventJson.of(attendance.answer(me, id, status));
    }

    @Schema(name = "EventPictureUpload")
    record PictureUpload(@Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED,
            description = "JPEG, PNG, WebP or GIF; at most 10 MiB and 40 megapixels") String file,
            @Schema(description = "Its alternative text, at most 1,500 characters") String description) {
    }

    @PutMapping(path = "/api/v1/events/{id}/picture", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "setEventPicture", summary = "Set or replace the event's picture (its hosts): re-encoded "
            + "without its metadata; the picture replaced is removed. Answers the event",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The event with its new picture"),
                    @ApiResponse(responseCode = "400", description = "No file, a file that is not a picture we read, too "
                            + "large, too many pixels, over your storage quota, or a description too long; the problem "
                            + "names the field"),
                    @ApiResponse(responseCode = "403", description = "You do not host this event"),
                    @ApiResponse(responseCode = "404", description = "No such event, or its group is not yours to read"),
                    @ApiResponse(responseCode = "409", description = "The event is cancelled"),
                    @ApiResponse(responseCode = "413", description = "The request is larger than the server accepts"),
                    @ApiResponse(responseCode = "415", description = "The body is not multipart/form-data")},
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = PictureUpload.class))))
    EventJson setPicture(Account me, @PathVariable long id,
            @io.swagger.v3.oas.annotations.Parameter(hidden = true) @RequestParam(name = "file", required = false) MultipartFile file,
            @io.swagger.v3.oas.annotations.Parameter(hidden = true) @RequestParam(required = false) String description) {
        if (file == null || file.isEmpty()) {
            throw InvalidInput.of("file", "media.missing", file == null || file.getOriginalFilename() == null ? "?"
                    : file.getOriginalFilename());
        }
        MediaService.Upload upload;
        try {
            upload = new MediaService.Upload(file.getOriginalFilename(), file.getBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        events.changePicture(me, id, new EventService.PictureChange(upload, description, false));
        return EventJson.of(events.view(id, me.id()));
    }

    @DeleteMapping("/api/v1/events/{id}/picture")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "removeEventPicture", summary = "Remove the event's picture (its hosts); its files are deleted",
            responses = {
                    @ApiResponse(responseCode = "204", description = "Removed, or there was none"),
                    @ApiResponse(responseCode = "403", description = "You do not host this event"),
                    @ApiResponse(responseCode = "404", description = "No such event, or its group is not yours to read"),
                    @ApiResponse(responseCode = "409", description = "The event is cancelled")})
    void removePicture(Account me, @PathVariable long id) {
        events.changePicture(me, id, new EventService.PictureChange(null, null, true));
    }
}
