package org.tribune.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
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

    record FlagJson(String reason) {
    }

    record DecisionJson(String kind, String targetId, String decision, String rule, String reason) {
    }

    record AppealJson(String body) {
    }

    record AppealDecisionJson(String decision, String reason) {
    }

    record ActionJson(String id, String action, String targetKind, String targetId, String postId, String role,
            String moderator, String subject, String group, String rule, String reason, Instant until, Instant at,
            String appealOf) {
        static ActionJson of(LogEntry e) {
            ModerationAction a = e.action();
            return new ActionJson(Long.toString(a.id()), a.action().slug(), a.targetKind().name().toLowerCase(),
                    Long.toString(a.targetId()), a.postId() == null ? null : Long.toString(a.postId()), a.role(),
                    e.moderatorHandle(), e.subjectHandle(), e.groupName(), a.rule(), a.reason(), a.until(), a.createdAt(),
                    a.appealOf() == null ? null : Long.toString(a.appealOf()));
        }
    }

    record QueueJson(String kind, String targetId, String postId, Map<String, Integer> reasons, int flaggers,
            double weight, boolean hidden) {
    }

    @PostMapping("/api/v1/posts/{id}/flags")
    @Operation(summary = "Flag a post (TL1+): spam, harassment, illegal, off-topic or needs-context")
    Map<String, String> flagPost(Account me, @PathVariable long id, @RequestBody FlagJson body) {
        return Map.of("outcome", flags.flag(me, TargetKind.POST, id, FlagReason.parse(body.reason())).name().toLowerCase());
    }

    @PostMapping("/api/v1/comments/{id}/flags")
    @Operation(summary = "Flag a comment (TL1+): spam, harassment, illegal or off-topic")
    Map<String, String> flagComment(Account me, @PathVariable long id, @RequestBody FlagJson body) {
        return Map.of("outcome", flags.flag(me, TargetKind.COMMENT, id, FlagReason.parse(body.reason())).name().toLowerCase());
    }

    @GetMapping("/api/v1/moderation/log")
    @Operation(summary = "The public moderation log, newest first; entries of private groups only for their members")
    List<ActionJson> log(@RequestParam(defaultValue = "" + Long.MAX_VALUE) long before, Viewer viewer) {
        return moderation.log(viewer == null ? null : viewer.id(), before, 50).stream().map(ActionJson::of).toList();
    }

    @GetMapping("/api/v1/moderation/queue")
    @Operation(summary = "Flagged content you moderate (site moderators: all; group moderators: their groups)")
    List<QueueJson> queue(Account me) {
        return moderation.queue(me).stream().map(i -> new QueueJson(i.kind().name().toLowerCase(),
                Long.toString(i.targetId()), Long.toString(i.post().id()),
                i.reasons().entrySet().stream().collect(java.util.stream.Collectors.toMap(e -> e.getKey().slug(), Map.Entry::getValue)),
                i.flaggers(), i.weight(), i.hidden())).toList();
    }

    @PostMapping("/api/v1/moderation/decisions")
    @Operation(summary = "Agree (remove, citing a rule) or disagree (restore) with the flags on a post or comment")
    Map<String, String> decide(Account me, @RequestBody DecisionJson body) {
        long target;
        try {
            target = Long.parseLong(body.targetId() == null ? "" : body.targetId());
        } catch (NumberFormatException e) {
            throw InvalidInput.of("targetId", "flag.kind-unknown");
        }
        ModerationAction action = moderation.decide(me, ModerationController.kind(body.kind() == null ? "" : body.kind()),
                target, ModerationController.agree(body.decision() == null ? "" : body.decision()), body.rule(), body.reason());
        return Map.of("actionId", Long.toString(action.id()), "action", action.action().slug());
    }

    record MyDecisionJson(String id, String action, String targetKind, String postId, String group, String role,
            String rule, String reason, Instant until, Instant at, boolean appealable, String appeal) {
    }

    @GetMapping("/api/v1/moderation/mine")
    @Operation(summary = "The moderation decisions about you, newest first, and whether each may still be appealed "
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
    @Operation(summary = "Appeal, once, an action that concerns you; another moderator decides")
    Map<String, String> appeal(Account me, @PathVariable long id, @RequestBody AppealJson body) {
        return Map.of("appealId", Long.toString(moderation.appeal(me, id, body.body()).id()));
    }

    @GetMapping("/api/v1/moderation/appeals")
    @Operation(summary = "Open appeals you may decide (never those about your own actions)")
    List<Map<String, String>> appeals(Account me) {
        return moderation.appeals(me).stream().map(c -> Map.of("id", Long.toString(c.appeal().id()),
                "actionId", Long.toString(c.action().id()), "action", c.action().action().slug(),
                "body", c.appeal().body())).toList();
    }

    @PostMapping("/api/v1/moderation/appeals/{id}")
    @Operation(summary = "Uphold or reverse the action an appeal is about")
    Map<String, String> decideAppeal(Account me, @PathVariable long id, @RequestBody AppealDecisionJson body) {
        String decision = body.decision() == null ? "" : body.decision();
        if (!decision.equals("uphold") && !decision.equals("reverse")) {
            throw InvalidInput.of("decision", "appeal.decision-unknown");
        }
        ModerationAction action = moderation.decideAppeal(me, id, decision.equals("reverse"), body.reason());
        return Map.of("actionId", Long.toString(action.id()), "action", action.action().slug());
    }
}
