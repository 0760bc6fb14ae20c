package org.tribune.platform;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tribune.platform.web.JteViews;

/** /admin/events and /api/v1/admin/events: after-commit work still pending, and its retry (administrators only). */
@Controller
@Tag(name = "Administration")
class EventAdminController {
    private final EventAdministration events;

    EventAdminController(EventAdministration events) {
        this.events = events;
    }

    @Schema(name = "PendingEvent")
    record PendingEventJson(String id, String listener, String eventType, String event, Instant publishedAt,
            String status, int attempts, @Schema(nullable = true, description = "null: never retried") Instant lastRetryAt) {
        static PendingEventJson of(PendingEvent e) {
            return new PendingEventJson(e.id().toString(), e.listener(), e.eventType(), e.event(), e.publishedAt(),
                    e.status(), e.attempts(), e.lastRetryAt());
        }
    }

    @Schema(name = "PendingEvents")
    record PendingEventsJson(long count, List<PendingEventJson> oldest) {
    }

    @GetMapping("/admin/events")
    String page(Model model) {
        model.addAttribute("count", events.count());
        model.addAttribute("events", events.oldest());
        return "admin/events";
    }

    @PostMapping("/admin/events/{id}/retry")
    String retry(@PathVariable UUID id, RedirectAttributes redirect) {
        events.retry(id);
        redirect.addFlashAttribute(JteViews.NOTICE, "admin.events.retried");
        return "redirect:/admin/events";
    }

    @PostMapping("/admin/events/retry")
    String retryAll(RedirectAttributes redirect) {
        events.retryAll();
        redirect.addFlashAttribute(JteViews.NOTICE, "admin.events.retried-all");
        return "redirect:/admin/events";
    }

    @GetMapping("/api/v1/admin/events")
    @ResponseBody
    @Operation(operationId = "listPendingEvents",
            summary = "Pending after-commit work: how many publications, and the oldest 100 (administrators only)")
    PendingEventsJson api() {
        return new PendingEventsJson(events.count(), events.oldest().stream().map(PendingEventJson::of).toList());
    }

    @PostMapping("/api/v1/admin/events/{id}/retry")
    @Operation(operationId = "retryPendingEvent",
            summary = "Hand one pending publication to its listener again (administrators only)",
            responses = @ApiResponse(responseCode = "202", description = "Handed to its listener; it runs in the background"))
    ResponseEntity<Void> apiRetry(@PathVariable UUID id) {
        events.retry(id);
        return ResponseEntity.accepted().build();
    }
}
