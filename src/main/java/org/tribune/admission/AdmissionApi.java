package org.tribune.admission;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
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

    record WaitingJson(long position, String id, String handle, Instant verifiedAt, boolean donor, boolean invited) {
    }

    record WaitlistJson(Integer dailyQuota, long waiting, List<WaitingJson> items, String next) {
    }

    /** The quota is required: -1 opens admission to everyone, so a forgotten or null value changes nothing. */
    record QuotaBody(@NotNull Integer dailyQuota) {
    }

    record QuotaJson(Integer dailyQuota) {
    }

    record AdmittedJson(String handle, String state, boolean admitted) {
    }

    @GetMapping("/api/v1/admin/waitlist")
    @Operation(summary = "The waiting list in admission order; `next` continues it. dailyQuota null means unlimited.")
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
    @Operation(summary = "Admit a waiting person now; admitting someone already in changes nothing (admitted: false)")
    AdmittedJson admit(@PathVariable String handle) {
        boolean admitted = admission.admit(handle);
        Account account = accounts.byHandle(handle).orElseThrow();
        return new AdmittedJson(account.handle(), account.state().name(), admitted);
    }

    @GetMapping("/api/v1/admin/admission")
    @Operation(summary = "The admission settings; dailyQuota null means unlimited, 0 closed")
    QuotaJson settings() {
        return new QuotaJson(admission.dailyQuota());
    }

    @PutMapping("/api/v1/admin/admission")
    @Operation(summary = "Set the daily quota: -1 for unlimited, 0 to close, up to 1000000")
    QuotaJson setQuota(Account me, @Valid @RequestBody(required = false) QuotaBody body) {
        if (body == null) {
            throw InvalidInput.of("dailyQuota", "admission.quota-invalid", AdmissionService.QUOTA_MAX);
        }
        return new QuotaJson(admission.setDailyQuota(me, body.dailyQuota()));
    }
}
