package org.tribune.donation;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
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
    record NewDonation(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "In minor units (1300 is 13.00)", example = "1300") BigDecimal amount,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "EUR") String currency,
            @Schema(implementation = DonationInterval.class, description = "ONE_TIME when left out") String interval) {
    }

    /** A donation just started: pay at checkoutUrl (null when nothing is left to pay, e.g. the offline provider). */
    @Schema(name = "StartedDonation")
    record StartedJson(String id, @Schema(implementation = DonationStatus.class) String status,
            @Schema(nullable = true) String checkoutUrl) {
    }

    @Schema(name = "Payment")
    record PaymentJson(String id, long amount, long refunded, String currency, boolean live, Instant paidAt) {
        static PaymentJson of(Payment p) {
            return new PaymentJson(Long.toString(p.id()), p.amount(), p.refunded(), p.currency(), p.live(), p.paidAt());
        }
    }

    @Schema(name = "Donation")
    record DonationJson(String id, long amount, String currency, @Schema(implementation = DonationInterval.class) String interval,
            @Schema(implementation = DonationStatus.class) String status, String method,
            boolean test, Instant createdAt, @Schema(nullable = true) Instant cancelledAt, List<PaymentJson> payments) {
        static DonationJson of(Donation d, List<Payment> payments) {
            return new DonationJson(Long.toString(d.id()), d.amount(), d.currency(), d.interval().name(), d.status().name(),
                    d.method(), d.test(), d.createdAt(), d.cancelledAt(), payments.stream().map(PaymentJson::of).toList());
        }
    }

    @Operation(operationId = "startDonation", summary = "Start a donation; the Idempotency-Key header makes a repeated request return the first answer",
            responses = {@ApiResponse(responseCode = "201", description = "Started; pay at checkoutUrl"),
                    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for another request")},
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @io.swagger.v3.oas.annotations.media.Content(
                    examples = @io.swagger.v3.oas.annotations.media.ExampleObject(value = "{\"amount\": 1300, \"currency\": \"EUR\", \"interval\": \"MONTHLY\"}"))))
    @PostMapping("/api/v1/donations")
    ResponseEntity<StartedJson> create(Account me,
            @Parameter(required = true, description = "A key of your choice, at most 255 characters, unique per donation: "
                    + "sending the same request again with it answers the first donation instead of starting another",
                    example = "3f1c2a9e-6b2d-4c55-9a0e-1f4f1d1a7b10")
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody NewDonation body) {
        String amount = body.amount() == null ? null
                : body.amount().stripTrailingZeros().scale() <= 0 ? body.amount().toBigInteger().toString() : "invalid";
        DonationService.Started started = donations.start(me, amount, body.currency(), body.interval(), key);
        return ResponseEntity.created(URI.create("/api/v1/donations/" + started.id())).contentType(MediaType.APPLICATION_JSON)
                .body(new StartedJson(Long.toString(started.id()), started.status(), started.checkoutUrl()));
    }

    @Operation(operationId = "listMyDonations", summary = "Your donations, newest first; pass the last id as before for the next page")
    @GetMapping("/api/v1/donations")
    List<DonationJson> mine(Account me, @RequestParam(required = false) Long before) {
        return donations.mine(me, before).stream().map(d -> DonationJson.of(d, donations.payments(me, d.id()))).toList();
    }

    @Operation(operationId = "getDonation", summary = "One donation: its donor, treasurers and admins only")
    @GetMapping("/api/v1/donations/{id}")
    DonationJson one(Account me, @PathVariable long id) {
        return DonationJson.of(donations.get(me, id), donations.payments(me, id));
    }

    @Operation(operationId = "cancelDonation", responses = {@ApiResponse(responseCode = "200", description = "Cancelled"), @ApiResponse(responseCode = "409", description = "Not recurring, or over already")}, summary = "Cancel a monthly or yearly donation")
    @PostMapping("/api/v1/donations/{id}/cancel")
    DonationJson cancel(Account me, @PathVariable long id) {
        Donation cancelled = donations.cancel(me, id);
        return DonationJson.of(cancelled, donations.payments(me, id));
    }

    @Operation(operationId = "getLedger", summary = "The open ledger: raised, spent and balance per month and currency")
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
