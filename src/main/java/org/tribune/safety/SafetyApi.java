package org.tribune.safety;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.MentionPolicy;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.web.Listing;

/** Blocks, mutes and reach settings over the API. Only the person sees their own; nobody else ever does. */
@RestController
@Tag(name = "Safety")
class SafetyApi {
    private final SafetyService safety;
    private final AccountService accounts;

    SafetyApi(SafetyService safety, AccountService accounts) {
        this.safety = safety;
        this.accounts = accounts;
    }

    @Schema(name = "BlockedPerson")
    record BlockJson(String handle, String displayName, Instant since) {
        static BlockJson of(Block b) {
            return new BlockJson(b.handle(), b.displayName(), b.since());
        }
    }

    @Schema(name = "MutedPerson")
    record MuteJson(String handle, String displayName, Instant since,
            @Schema(nullable = true, description = "When the mute ends; null: until lifted") Instant until) {
        static MuteJson of(Mute m) {
            return new MuteJson(m.handle(), m.displayName(), m.since(), m.until());
        }
    }

    @Schema(name = "MuteRequest")
    record MuteBody(@Schema(nullable = true, description = "When the mute ends; absent or null: until lifted") Instant until) {
    }

    @Schema(name = "Reach", description = "Who may reach you: EVERYONE, FOLLOWING (people you follow) or NOBODY")
    record ReachJson(@Schema(allowableValues = {"EVERYONE", "FOLLOWING", "NOBODY"}) String mentions,
            @Schema(allowableValues = {"EVERYONE", "FOLLOWING", "NOBODY"}) String profileReplies,
            @Schema(allowableValues = {"EVERYONE", "FOLLOWING", "NOBODY"}) String groupInvitations,
            @Schema(nullable = true, description = "Notifications from people you do not follow or from young accounts go to a separate requests tab") Boolean requestsTab,
            @Schema(nullable = true, description = "Accounts younger than this many days count as requests (0 to 365)") Integer requestsYoungerDays,
            @Schema(nullable = true, description = "Content warnings are always open for you") Boolean openWarnings) {
    }

    @PutMapping("/api/v1/users/{handle}/block")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "block", summary = "Block someone: follows between you end, neither of you sees, follows, mentions, replies to or invites the other; blocking again changes nothing",
            responses = {@ApiResponse(responseCode = "204", description = "Blocked"),
                    @ApiResponse(responseCode = "409", description = "Yourself")})
    void block(Account me, @PathVariable String handle) {
        safety.block(me, handle);
    }

    @DeleteMapping("/api/v1/users/{handle}/block")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "unblock", summary = "Lift a block (follows it ended stay ended); unblocking again changes nothing",
            responses = {@ApiResponse(responseCode = "204", description = "Not blocked"),
                    @ApiResponse(responseCode = "409", description = "Yourself")})
    void unblock(Account me, @PathVariable String handle) {
        safety.unblock(me, handle);
    }

    @PutMapping("/api/v1/users/{handle}/mute")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "mute", summary = "Mute someone, for good or until `until`: their posts, comments, shares and notifications disappear for you; they notice nothing",
            responses = {@ApiResponse(responseCode = "204", description = "Muted"),
                    @ApiResponse(responseCode = "409", description = "Yourself")})
    void mute(Account me, @PathVariable String handle, @RequestBody(required = false) MuteBody body) {
        safety.mute(me, handle, body == null ? null : body.until());
    }

    @DeleteMapping("/api/v1/users/{handle}/mute")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "unmute", summary = "Lift a mute; unmuting again changes nothing",
            responses = {@ApiResponse(responseCode = "204", description = "Not muted"),
                    @ApiResponse(responseCode = "409", description = "Yourself")})
    void unmute(Account me, @PathVariable String handle) {
        safety.unmute(me, handle);
    }

    @GetMapping("/api/v1/blocks")
    @Operation(operationId = "listBlocks", summary = "The people you blocked, newest first (one page, at most 1000)")
    Listing<BlockJson> blocks(Account me) {
        return new Listing<>(safety.blocks(me.id()).stream().map(BlockJson::of).toList(), null);
    }

    @GetMapping("/api/v1/mutes")
    @Operation(operationId = "listMutes", summary = "The people you muted whose mute still holds, newest first (one page, at most 1000)")
    Listing<MuteJson> mutes(Account me) {
        return new Listing<>(safety.mutes(me.id()).stream().map(MuteJson::of).toList(), null);
    }

    @GetMapping("/api/v1/me/reach")
    @Operation(operationId = "getReach", summary = "Who may mention you, reply to your profile posts and invite you to groups")
    ReachJson reach(Account me) {
        return json(me.id());
    }

    @PutMapping("/api/v1/me/reach")
    @Operation(operationId = "setReach", summary = "Change who may mention you, reply to your profile posts and invite you to groups; fields left out or null keep their value")
    ReachJson setReach(Account me, @RequestBody ReachJson body) {
        Reach now = safety.reach(me.id());
        Reach changed = new Reach(
                body.profileReplies() == null ? now.profileReplies() : audience("profileReplies", body.profileReplies()),
                body.groupInvitations() == null ? now.groupInvitations() : audience("groupInvitations", body.groupInvitations()),
                body.requestsTab() == null ? now.requestsTab() : body.requestsTab(),
                body.requestsYoungerDays() == null ? now.requestsYoungerDays() : body.requestsYoungerDays(),
                body.openWarnings() == null ? now.openWarnings() : body.openWarnings());
        MentionPolicy mentions = body.mentions() == null ? null : switch (audience("mentions", body.mentions())) {
            case EVERYONE -> MentionPolicy.EVERYONE;
            case FOLLOWING -> MentionPolicy.FOLLOWED;
            case NOBODY -> MentionPolicy.NOBODY;
        };
        safety.setReach(me.id(), changed, mentions);
        return json(me.id());
    }

    private ReachJson json(long accountId) {
        Reach reach = safety.reach(accountId);
        String mentions = switch (accounts.privacy(accountId).mentions()) {
            case EVERYONE -> "EVERYONE";
            case FOLLOWED -> "FOLLOWING";
            case NOBODY -> "NOBODY";
        };
        return new ReachJson(mentions, reach.profileReplies().name(), reach.groupInvitations().name(), reach.requestsTab(),
                reach.requestsYoungerDays(), reach.openWarnings());
    }

    private static Reach.Audience audience(String field, String value) {
        try {
            return Reach.Audience.valueOf(value.strip());
        } catch (IllegalArgumentException unknown) {
            throw InvalidInput.of(field, "safety.audience-invalid");
        }
    }
}
