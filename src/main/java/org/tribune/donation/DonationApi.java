package org.tribune.donation;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.tribune.account.Account;
import org.tribune.platform.web.Problems;

/** Donations and the open ledger over the API, with the same rules as the pages. */
@RestController
@Tag(name = "Donations")
class DonationApi {
    private final DonationService donations;
    private final Transparency transparency;
    private final Problems problems;

    DonationApi(DonationService donations, Transparency transparency, Problems problems) {
        this.donations = donations;
        this.transparency = transparency;
        this.problems = problems;
    }

    /** {@code amount} in minor units (1300 is 13.00); {@code interval} ONE_TIME, MONTHLY or YEARLY. */
    record CreateRequest(BigDecimal amount, String currency, String interval) {
    }

    record PaymentJson(String id, long amount, long refunded, String currency, boolean live, Instant paidAt) {
        static PaymentJson of(Payment p) {
            return new PaymentJson(Long.toString(p.id()), p.amount(), p.refunded(), p.currency(), p.live(), p.paidAt());
        }
    }

    record DonationJson(String id, long amount, String currency, String interval, String status, String method,
            boolean test, Instant createdAt, Instant cancelledAt, List<PaymentJson> payments) {
        static DonationJson of(Donation d, List<Payment> payments) {
            return new DonationJson(Long.toString(d.id()), d.amount(), d.currency(), d.interval().name(), d.status().name(),
                    d.method(), d.test(), d.createdAt(), d.cancelledAt(), payments.stream().map(PaymentJson::of).toList());
        }
    }

    @Operation(summary = "Start a donation; the Idempotency-Key header makes a repeated request return the first answer")
    @PostMapping("/api/v1/donations")
    ResponseEntity<String> create(Account me, @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody CreateRequest body) {
        String amount = body.amount() == null ? null
                : body.amount().stripTrailingZeros().scale() <= 0 ? body.amount().toBigInteger().toString() : "invalid";
        DonationService.Started started = donations.start(me, amount, body.currency(), body.interval(), key);
        String answer = "{\"id\":\"" + started.id() + "\",\"status\":\"" + started.status() + "\",\"checkoutUrl\":"
                + (started.checkoutUrl() == null ? "null" : "\"" + started.checkoutUrl().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                + "}";
        return ResponseEntity.created(URI.create("/api/v1/donations/" + started.id())).contentType(MediaType.APPLICATION_JSON)
                .body(answer);
    }

    @Operation(summary = "Your donations, newest first; pass the last id as before for the next page")
    @GetMapping("/api/v1/donations")
    List<DonationJson> mine(Account me, @RequestParam(required = false) Long before) {
        return donations.mine(me, before).stream().map(d -> DonationJson.of(d, donations.payments(me, d.id()))).toList();
    }

    @Operation(summary = "One donation: its donor, treasurers and admins only")
    @GetMapping("/api/v1/donations/{id}")
    DonationJson one(Account me, @PathVariable long id) {
        return DonationJson.of(donations.get(me, id), donations.payments(me, id));
    }

    @Operation(summary = "Cancel a monthly or yearly donation")
    @PostMapping("/api/v1/donations/{id}/cancel")
    DonationJson cancel(Account me, @PathVariable long id) {
        Donation cancelled = donations.cancel(me, id);
        return DonationJson.of(cancelled, donations.payments(me, id));
    }

    @Operation(summary = "The open ledger: raised, spent and balance per month and currency")
    @GetMapping("/api/v1/transparency")
    Transparency.Report ledger() {
        return transparency.report();
    }

    @ExceptionHandler(DonationService.KeyReused.class)
    ResponseEntity<ProblemDetail> keyReused(HttpServletRequest request) {
        return problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "donation.key.reused", RequestContextUtils.getLocale(request));
    }

    @ExceptionHandler(DonationService.KeyMissing.class)
    ResponseEntity<ProblemDetail> keyMissing(HttpServletRequest request) {
        return problems.of(HttpStatus.BAD_REQUEST, "donation.key.missing", RequestContextUtils.getLocale(request));
    }
}
