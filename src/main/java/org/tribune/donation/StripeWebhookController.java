package org.tribune.donation;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.tribune.platform.web.Problems;

/** {@code POST /webhooks/stripe}: anonymous, outside CSRF, trusted only through its signature. */
@RestController
class StripeWebhookController {
    static final int MAX_BYTES = 512 * 1024;

    private final StripeWebhook webhook;
    private final Problems problems;

    StripeWebhookController(StripeWebhook webhook, Problems problems) {
        this.webhook = webhook;
        this.problems = problems;
    }

    @PostMapping("/webhooks/stripe")
    ResponseEntity<?> receive(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature, HttpServletRequest request) {
        if (body == null || body.length > MAX_BYTES) {
            return problems.of(HttpStatus.BAD_REQUEST, "donation.webhook.bad-signature", RequestContextUtils.getLocale(request));
        }
        try {
            // The exact bytes Stripe signed, read as the UTF-8 they are.
            boolean fresh = webhook.receive(new String(body, StandardCharsets.UTF_8), signature);
            return ResponseEntity.ok(Map.of("received", true, "duplicate", !fresh));
        } catch (StripeWebhook.BadSignature e) {
            return problems.of(HttpStatus.BAD_REQUEST, "donation.webhook.bad-signature", RequestContextUtils.getLocale(request));
        }
    }
}
