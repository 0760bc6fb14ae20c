package org.tribune.privacy;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.PrivacySettings;

/** The privacy settings and "what we hold on you", for API clients. */
@RestController
@Tag(name = "Privacy")
class PrivacyApi {
    private final AccountService accounts;
    private final PersonalDataSources sources;
    private final MessageSource messages;

    PrivacyApi(AccountService accounts, PersonalDataSources sources, MessageSource messages) {
        this.accounts = accounts;
        this.sources = sources;
        this.messages = messages;
    }

    /** profile, groups, follows: EVERYONE, MEMBERS or NOBODY; mentions: EVERYONE, FOLLOWED or NOBODY. */
    @Schema(name = "PrivacySettings")
    record SettingsJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"EVERYONE", "MEMBERS", "NOBODY"}) String profile,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"EVERYONE", "MEMBERS", "NOBODY"}) String groups,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"EVERYONE", "MEMBERS", "NOBODY"}) String follows,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"EVERYONE", "FOLLOWED", "NOBODY"}) String mentions,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean searchEngines,
            @Schema(description = "Whether members may find you by name in Tribune's search (on by default); left out of a change, it stays as it is")
            Boolean findableByName) {
        static SettingsJson of(PrivacySettings s) {
            return new SettingsJson(s.profile().name(), s.groups().name(), s.follows().name(), s.mentions().name(),
                    s.indexable(), s.findable());
        }
    }

    @Schema(name = "DataCategory")
    record CategoryJson(String name, String title, long count, String retention) {
    }

    /** What Tribune holds on the caller, by kind of data. */
    @Schema(name = "PersonalData")
    record DataJson(List<CategoryJson> categories) {
    }

    @GetMapping("/api/v1/me/privacy")
    @Operation(operationId = "getPrivacySettings", summary = "Who may see your profile details, groups and follows, who may mention you, and search engines")
    SettingsJson settings(Account me) {
        return SettingsJson.of(accounts.privacy(me.id()));
    }

    @PutMapping("/api/v1/me/privacy")
    @Operation(operationId = "updatePrivacySettings", summary = "Change your privacy settings (all fields at once)")
    SettingsJson update(Account me, @RequestBody SettingsJson body) {
        accounts.updatePrivacy(me.id(), PrivacyController.PrivacyForms.settings(body.profile(), body.groups(),
                body.follows(), body.mentions(), body.searchEngines(),
                body.findableByName() == null ? accounts.privacy(me.id()).findable() : body.findableByName()));
        return SettingsJson.of(accounts.privacy(me.id()));
    }

    @GetMapping("/api/v1/me/data")
    @Operation(operationId = "exportMyData", summary = "What Tribune holds on you: each kind of data, how many records, and how long it is kept")
    DataJson data(Account me) {
        var locale = me.language();
        return new DataJson(sources.counts(me.id()).entrySet().stream()
                .map(e -> new CategoryJson(e.getKey().name(),
                        messages.getMessage("privacy.category." + e.getKey().name(), null, e.getKey().name(), locale),
                        e.getValue(), messages.getMessage("privacy.retention." + e.getKey().name(), null, "", locale)))
                .toList());
    }
}
