package org.tribune.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tribune.account.Account;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.web.Viewer;

/** Flags, the moderation queue, appeals and the public log over the API. Flaggers are never named. */
@RestController
@Tag(name = "Moderation")
class ModerationApi {
    private final FlagService flags;
    private final ModerationService moderation;

    ModerationApi(FlagService flags, ModerationService moderation) {
        this.flags = flags;
        this.moderation = moderation;
    }

    @Schema(name = "NewFlag")
    record FlagJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"spam", "harassment", "illegal", "off-topic", "needs-context"}) String reason) {
    }

    @Schema(name = "ModerationDecision")
    record DecisionJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"post", "comment"}) String kind,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String targetId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"agree", "disagree"}) String decision,
            @Schema(description = "The rule broken (agree)") String rule, String reason) {
    }

    @Schema(name = "NewAppeal")
    record AppealJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String body) {
    }

    @Schema(name = "AppealDecision")
    record AppealDecisionJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"uphold", "reverse"}) String decision,
            String reason) {
    }

    @Schema(name = "ModerationLogEntry")
    record ActionJson(String id, @Schema(allowableValues = {"hide", "remove", "restore", "suspend", "unsuspend", "ban", "lock", "unlock", "appeal-upheld", "appeal-reversed"}) String action, @Schema(allowableValues = {"post", "comment", "account"}) String targetKind,
            String targetId, @Schema(nullable = true) String postId, @Schema(nullable = true) String role, @Schema(nullable = true) String moderator, @Schema(nullable = true) String subject, @Schema(nullable = true) String group,
            @Schema(nullable = true) String rule, @Schema(nullable = true) String reason, @Schema(nullable = true) Instant until, Instant at, @Schema(nullable = true) String appealOf) {
        static ActionJson of(LogEntry e) {
            ModerationAction a = e.action();
            return new ActionJson(Long.toString(a.id()), a.action().slug(), a.targetKind().name().toLowerCase(),
                    Long.toString(a.targetId()), a.postId() == null ? null : Long.toString(a.postId()), a.role(),
                    e.moderatorHandle(), e.subjectHandle(), e.groupName(), a.rule(), a.reason(), a.until(), a.createdAt(),
                    a.appealOf() == null ? null : Long.toString(a.appealOf()));
        }
    }

    @Schema(name = "FlaggedContent")
    record QueueJson(@Schema(allowableValues = {"post", "comment"}) String kind, String targetId, String postId, Map<String, Integer> reasons, int flaggers,
            double weight, boolean hidden) {
    }

    @PostMapping("/api/v1/posts/{id}/flags")
    @Operation(operationId = "flagPost", summary = "Flag a post (TL1+): spam, harassment, illegal, off-topic or needs-context")
    FlagOutcome flagPost(Account me, @PathVariable long id, @RequestBody FlagJson body) {
        return new FlagOutcome(flags.flag(me, TargetKind.POST, id, FlagReason.parse(body.reason())).name().toLowerCase());
    }

    @PostMapping("/api/v1/comments/{id}/flags")
    @Operation(operationId = "flagComment", summary = "Flag a comment (TL1+): spam, harassment, illegal or off-topic")
    FlagOutcome flagComment(Account me, @PathVariable long id, @RequestBody FlagJson body) {
        return new FlagOutcome(flags.flag(me, TargetKind.COMMENT, id, FlagReason.parse(body.reason())).name().toLowerCase());
    }

    @GetMapping("/api/v1/moderation/log")
    @Operation(operationId = "getModerationLog", summary = "The public moderation log, newest first; entries of private groups only for their members")
    List<ActionJson> log(@RequestParam(defaultValue = "" + Long.MAX_VALUE) long before, Viewer viewer) {
        return moderation.log(viewer == null ? null : viewer.id(), before, 50).stream().map(ActionJson::of).toList();
    }

    @GetMapping("/api/v1/moderation/queue")
    @Operation(operationId = "getModerationQueue", summary = "Flagged content you moderate (site moderators: all; group moderators: their groups)")
    List<QueueJson> queue(Account me) {
        return moderation.queue(me).stream().map(i -> new QueueJson(i.kind().name().toLowerCase(),
                Long.toString(i.targetId()), Long.toString(i.post().id()),
                i.reasons().entrySet().stream().collect(java.util.stream.Collectors.toMap(e -> e.getKey().slug(), Map.Entry::getValue)),
                i.flaggers(), i.weight(), i.hidden())).toList();
    }

    @PostMapping("/api/v1/moderation/decisions")
    @Operation(operationId = "decideFlags", summary = "Agree (remove, citing a rule) or disagree (restore) with the flags on a post or comment")
    ActionTaken decide(Account me, @RequestBody DecisionJson body) {
        long target;
        try {
            target = Long.parseLong(body.targetId() == null ? "" : body.targetId());
        } catch (NumberFormatException e) {
            throw InvalidInput.of("targetId", "flag.kind-unknown");
        }
        ModerationAction action = moderation.decide(me, ModerationController.kind(body.kind() == null ? "" : body.kind()),
                target, ModerationController.agree(body.decision() == null ? "" : body.decision()), body.rule(), body.reason());
        return new ActionTaken(Long.toString(action.id()), action.action().slug());
    }

    /** What an action did, once taken. */
    record ActionTaken(String actionId, @Schema(allowableValues = {"hide", "remove", "restore", "suspend", "unsuspend", "ban", "lock", "unlock", "appeal-upheld", "appeal-reversed"}) String action) {
    }

    record FlagOutcome(@Schema(allowableValues = {"flagged", "hidden", "context_requested"}) String outcome) {
    }

    record AppealMade(String appealId) {
    }

    @Schema(name = "OpenAppeal")
    record OpenAppealJson(String id, String actionId, @Schema(allowableValues = {"hide", "remove", "restore", "suspend", "unsuspend", "ban", "lock", "unlock", "appeal-upheld", "appeal-reversed"}) String action, String body) {
    }

    @Schema(name = "DecisionAboutMe")
    record MyDecisionJson(String id, @Schema(allowableValues = {"hide", "remove", "restore", "suspend", "unsuspend", "ban", "lock", "unlock", "appeal-upheld", "appeal-reversed"}) String action, @Schema(allowableValues = {"post", "comment", "account"}) String targetKind,
            @Schema(nullable = true) String postId, @Schema(nullable = true) String group, @Schema(nullable = true) String role, @Schema(nullable = true) String rule, @Schema(nullable = true) String reason, @Schema(nullable = true) Instant until, Instant at,
            boolean appealable, @Schema(nullable = true, allowableValues = {"open", "upheld", "reversed"}) String appeal) {
    }

    @GetMapping("/api/v1/moderation/mine")
    @Operation(operationId = "listDecisionsAboutMe", summary = "The moderation decisions about you, newest first, and whether each may still be appealed "
            + "(also open to a suspended account, which may do nothing else)")
    List<MyDecisionJson> mine(Account me) {
        return moderation.aboutMe(me).stream().map(d -> {
            ModerationAction a = d.action();
            return new MyDecisionJson(Long.toString(a.id()), a.action().slug(), a.targetKind().name().toLowerCase(),
                    a.postId() == null ? null : Long.toString(a.postId()), d.groupName(), a.role(), a.rule(), a.reason(),
                    a.until(), a.createdAt(), d.mayAppeal(),
                    d.appeal().map(ap -> ap.decision() == null ? "open" : ap.decision().toLowerCase()).orElse(null));
        }).toList();
    }

    @PostMapping("/api/v1/moderation/actions/{id}/appeal")
    @Operation(operationId = "appealAction", summary = "Appeal, once, an action that concerns you; another moderator decides",
            responses = {@ApiResponse(responseCode = "200", description = "Appealed"),
                    @ApiResponse(responseCode = "409", description = "Appealed already, or too late")})
    AppealMade appeal(Account me, @PathVariable long id, @RequestBody AppealJson body) {
        return new AppealMade(Long.toString(moderation.appeal(me, id, body.body()).id()));
    }

    @GetMapping("/api/v1/moderation/appeals")
    @Operation(operationId = "listOpenAppeals", summary = "Open appeals you may decide (never those about your own actions)")
    List<OpenAppealJson> appeals(Account me) {
        return moderation.appeals(me).stream().map(c -> new OpenAppealJson(Long.toString(c.appeal().id()),
                Long.toString(c.action().id()), c.action().action().slug(), c.appeal().body())).toList();
    }

    @PostMapping("/api/v1/moderation/appeals/{id}")
    @Operation(operationId = "decideAppeal", summary = "Uphold or reverse the action an appeal is about",
            responses = {@ApiResponse(responseCode = "200", description = "Decided"),
                    @ApiResponse(responseCode = "409", description = "Decided already")})
    ActionTaken decideAppeal(Account me, @PathVariable long id, @RequestBody AppealDecisionJson body) {
        String decision = body.decision() == null ? "" : body.decision();
        if (!decision.equals("uphold") && !decision.equals("reverse")) {
            throw InvalidInput.of("decision", "appeal.decision-unknown");
        }
        ModerationAction action = moderation.decideAppeal(me, id, decision.equals("reverse"), body.reason());
        return new ActionTaken(Long.toString(action.id()), action.action().slug());
    }
}
