package org.tribune.admission;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.platform.InvalidInput;

/** The waiting list over the API, for administrators. */
@RestController
@Tag(name = "Admission")
class AdmissionApi {
    private final AdmissionAdministration admission;
    private final AccountService accounts;

    AdmissionApi(AdmissionAdministration admission, AccountService accounts) {
        this.admission = admission;
        this.accounts = accounts;
    }

    @Schema(name = "WaitingPerson")
    record WaitingJson(long position, String id, @Schema(nullable = true) String handle, Instant verifiedAt, boolean donor, boolean invited) {
    }

    @Schema(name = "Waitlist")
    record WaitlistJson(@Schema(nullable = true, description = "null: unlimited") Integer dailyQuota, long waiting, List<WaitingJson> items, @Schema(nullable = true) String next) {
    }

    /** The quota is required: -1 opens admission to everyone, so a forgotten or null value changes nothing. */
    @Schema(name = "AdmissionQuota")
    record QuotaBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "-1", maximum = "1000000",
            description = "-1: unlimited; 0: closed") @NotNull Integer dailyQuota) {
    }

    @Schema(name = "AdmissionSettings")
    record QuotaJson(@Schema(nullable = true, description = "null: unlimited; 0: closed") Integer dailyQuota) {
    }

    @Schema(name = "Admitted")
    record AdmittedJson(String handle, @Schema(implementation = org.tribune.account.AccountState.class) String state, boolean admitted) {
    }

    @GetMapping("/api/v1/admin/waitlist")
    @Operation(operationId = "getWaitlist", summary = "The waiting list in admission order; `next` continues it. dailyQuota null means unlimited.")
    WaitlistJson waitlist(@RequestParam(required = false) String after) {
        AdmissionAdministration.QueuePage page = admission.queue(after);
        List<WaitingJson> items = page.people().stream()
                .map(w -> new WaitingJson(w.position(), Long.toString(w.entry().accountId()),
                        w.account() == null ? null : w.account().handle(), w.entry().verifiedAt(), w.entry().donor(),
                        w.entry().invited()))
                .toList();
        return new WaitlistJson(admission.dailyQuota(), admission.waiting(), items, page.next());
    }

    @PostMapping("/api/v1/admin/waitlist/{handle}/admit")
    @Operation(operationId = "admitFromWaitlist", responses = {@ApiResponse(responseCode = "200", description = "Admitted, or in already"),
            @ApiResponse(responseCode = "409", description = "Not in a state to be admitted (unverified)")}, summary = "Admit a waiting person now; admitting someone already in changes nothing (admitted: false)")
    AdmittedJson admit(@PathVariable String handle) {
        boolean admitted = admission.admit(handle);
        Account account = accounts.byHandle(handle).orElseThrow();
        return new AdmittedJson(account.handle(), account.state().name(), admitted);
    }

    @GetMapping("/api/v1/admin/admission")
    @Operation(operationId = "getAdmissionSettings", summary = "The admission settings; dailyQuota null means unlimited, 0 closed")
    QuotaJson settings() {
        return new QuotaJson(admission.dailyQuota());
    }

    @PutMapping("/api/v1/admin/admission")
    @Operation(operationId = "setAdmissionQuota", summary = "Set the daily quota: -1 for unlimited, 0 to close, up to 1000000")
    QuotaJson setQuota(Account me, @Valid @RequestBody(required = false) QuotaBody body) {
        if (body == null) {
            throw InvalidInput.of("dailyQuota", "admission.quota-invalid", AdmissionService.QUOTA_MAX);
        }
        return new QuotaJson(admission.setDailyQuota(me, body.dailyQuota()));
    }
}
