package org.tribune.trust;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tribune.account.Account;

/** Trust levels over the API: one's own progress; for administrators, leaders and running the computation. */
@RestController
@Tag(name = "Trust levels")
class TrustApi {
    private final TrustComputation computation;
    private final TrustAdministration admin;

    TrustApi(TrustComputation computation, TrustAdministration admin) {
        this.computation = computation;
        this.admin = admin;
    }

    @Schema(name = "TrustRequirement")
    record RequirementJson(String name, long have, long need, boolean atMost, boolean met) {
        static RequirementJson of(Requirement r) {
            return new RequirementJson(r.name(), r.have(), r.need(), r.atMost(), r.met());
        }
    }

    /** {@code next} is absent for regulars and leaders; a regular's {@code toKeep} bars are 90% of the regular bars. */
    @Schema(name = "TrustProgress")
    record ProgressJson(@Schema(minimum = "0", maximum = "4") int level,
            @Schema(allowableValues = {"new", "basic", "member", "regular", "leader"}) String name, boolean grantedByAdmin,
            @Schema(nullable = true) Integer next, List<RequirementJson> toNext,
            List<RequirementJson> toKeep) {
        static ProgressJson of(TrustProgress p) {
            return new ProgressJson(p.level().number(), p.level().name().toLowerCase(java.util.Locale.ROOT),
                    p.grantedByAdmin(), p.hasNext() ? p.next().number() : null,
                    p.toNext().stream().map(RequirementJson::of).toList(),
                    p.toKeep().stream().map(RequirementJson::of).toList());
        }
    }

    @Schema(name = "TrustLevel")
    record LevelJson(String handle, @Schema(minimum = "0", maximum = "4") int level) {
    }

    @GetMapping("/api/v1/me/trust")
    @Operation(operationId = "getMyTrust", summary = "My trust level and my progress toward the next one (or what keeps my regular level)")
    ProgressJson mine(Account me) {
        return ProgressJson.of(computation.progress(me.id()));
    }

    @PostMapping("/api/v1/admin/users/{handle}/leader")
    @Operation(operationId = "grantLeader", summary = "Make someone a leader (trust level 4); administrators only")
    LevelJson grant(Account me, @PathVariable String handle) {
        return new LevelJson(handle, admin.grantLeader(me, handle).number());
    }

    @DeleteMapping("/api/v1/admin/users/{handle}/leader")
    @Operation(operationId = "revokeLeader", summary = "Take the leader level back; the level their activity earns applies at once")
    LevelJson remove(Account me, @PathVariable String handle) {
        return new LevelJson(handle, admin.removeLeader(me, handle).number());
    }

    @PostMapping("/api/v1/admin/trust/run")
    @Operation(operationId = "runTrustComputation", responses = {@ApiResponse(responseCode = "200", description = "Done"), @ApiResponse(responseCode = "409", description = "A run is going already")}, summary = "Compute everyone's trust level now, as the nightly job does; administrators only")
    TrustComputation.Outcome run(Account me) {
        return admin.runNow(me);
    }
}
