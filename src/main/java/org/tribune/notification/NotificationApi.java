package org.tribune.notification;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tribune.account.Account;
import org.tribune.platform.web.Listing;

/** Notifications over the API, as the list shows them. */
@RestController
@Tag(name = "Notifications")
class NotificationApi {
    private final Notifications notifications;

    private final org.tribune.account.AccountService accounts;

    NotificationApi(Notifications notifications, org.tribune.account.AccountService accounts) {
        this.accounts = accounts;
        this.notifications = notifications;
    }

    @Schema(name = "NotificationActor")
    record ActorJson(String handle, String displayName,
            @Schema(nullable = true, description = "Their picture; null when they have none") String avatarUrl) {
    }

    /** One entry; {@code others} counts the other people who liked the same thing. Ids are strings. */
    /** How many entries are unread. */
    @Schema(name = "UnreadCount")
    record UnreadJson(int unread) {
    }

    @Schema(name = "Notification")
    record EntryJson(String id, @Schema(implementation = NotificationKind.class) String kind, @Schema(nullable = true) ActorJson actor,
            int others, @Schema(nullable = true) String groupSlug, @Schema(nullable = true) String postId,
            @Schema(nullable = true) String commentId, Instant createdAt, boolean read,
            @Schema(nullable = true, description = "The group event it is about") String eventId,
            @Schema(nullable = true) org.tribune.safety.FilteredJson filtered) {
        static EntryJson of(NotificationEntry e, java.util.Map<String, String> faces) {
            return new EntryJson(Long.toString(e.id()), e.kind().name(),
                    e.actor() == null ? null : new ActorJson(e.actor().handle(), e.actor().displayName(),
                            faces.get(e.actor().handle())), e.others(),
                    e.group() == null ? null : e.group().slug(), e.postId() == null ? null : e.postId().toString(),
                    e.commentId() == null ? null : e.commentId().toString(), e.createdAt(), e.read(),
                    e.event() == null ? null : Long.toString(e.event().id()), org.tribune.safety.FilteredJson.of(e.filtered()));
        }
    }

    @GetMapping("/api/v1/notifications")
    @Operation(operationId = "listNotifications", summary = "Your notifications, newest first, likes of one post or comment grouped; page with ?before=<next>")
    Listing<EntryJson> list(Account me, @RequestParam(required = false) Long before,
            @io.swagger.v3.oas.annotations.Parameter(description = "`requests`: what people you do not follow or young accounts did, when your reach settings keep them apart; `main` (the default): the rest")
            @RequestParam(defaultValue = "main") String tab) {
        if (!tab.equals("main") && !tab.equals("requests")) {
            throw org.tribune.platform.InvalidInput.of("tab", "notification.tab-invalid");
        }
        NotificationPage page = notifications.page(me.id(), before, tab.equals("requests"));
        java.util.Map<String, String> faces = new java.util.HashMap<>();
        page.entries().stream().map(NotificationEntry::actor).filter(a -> a != null).map(NotificationEntry.Actor::handle)
                .distinct().forEach(handle -> accounts.byHandle(handle).map(Account::avatarUrl)
                        .ifPresent(url -> faces.put(handle, url)));
        return new Listing<>(page.entries().stream().map(e -> EntryJson.of(e, faces)).toList(),
                page.next() == null ? null : page.next().toString());
    }

    @GetMapping("/api/v1/notifications/unread-count")
    @Operation(operationId = "countUnreadNotifications", summary = "How many entries of your list are unread")
    UnreadJson unreadCount(Account me) {
        return new UnreadJson(notifications.unreadCount(me.id()));
    }

    @PostMapping("/api/v1/notifications/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "markNotificationRead", summary = "Mark one entry read (all the likes it groups); another person's is 404")
    void read(Account me, @PathVariable long id) {
        notifications.markRead(me.id(), id);
    }

    @PostMapping("/api/v1/notifications/read-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "markAllNotificationsRead", summary = "Mark all your notifications read")
    void readAll(Account me) {
        notifications.markAllRead(me.id());
    }
}
