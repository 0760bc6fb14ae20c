package org.tribune.mail;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.tribune.platform.web.Listing;

/** /admin/mail and GET /api/v1/admin/mail: what Tribune sent, or would have sent without SMTP. */
@Controller
@Tag(name = "Administration")
class MailAdminController {
    private final MailAdministration mail;

    MailAdminController(MailAdministration mail) {
        this.mail = mail;
    }

    @Schema(name = "Mail")
    record MailJson(String id, String to, String subject, String body, Instant createdAt, @Schema(nullable = true) Instant sentAt) {
        static MailJson of(MailMessage m) {
            return new MailJson(Long.toString(m.id()), m.recipient(), m.subject(), m.body(), m.createdAt(), m.sentAt());
        }
    }

    @GetMapping("/admin/mail")
    String page(@RequestParam(required = false) Long before, Model model) {
        var messages = mail.newest(before);
        model.addAttribute("messages", messages);
        model.addAttribute("smtp", mail.smtpConfigured());
        model.addAttribute("next", messages.size() == MailAdministration.PAGE_SIZE ? messages.getLast().id() : null);
        return "admin/mail";
    }

    @GetMapping("/api/v1/admin/mail")
    @ResponseBody
    @Operation(operationId = "listSentMail", summary = "The outbox, newest first (administrators only)")
    Listing<MailJson> api(@RequestParam(required = false) Long before) {
        return Listing.of(mail.newest(before), MailAdministration.PAGE_SIZE, MailMessage::id, MailJson::of);
    }
}
