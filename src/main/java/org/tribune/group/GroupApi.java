package org.tribune.group;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.platform.web.Listing;
import org.tribune.platform.web.Viewer;

/** Groups over the API, with the same rules as the pages. */
@RestController
@Tag(name = "Groups")
class GroupApi {
    private final GroupService groups;
    private final AccountService accounts;

    GroupApi(GroupService groups, AccountService accounts) {
        this.groups = groups;
        this.accounts = accounts;
    }

    record CreateRequest(String slug, String name, String description, String language, String visibility,
            String joinPolicy, List<String> joinQuestions, Boolean moderatorsOnlyPosting) {
        GroupForm form(String fallbackLanguage) {
            return new GroupForm(slug, name, description, language == null ? fallbackLanguage : language,
                    visibility == null ? "PUBLIC" : visibility, joinPolicy == null ? "OPEN" : joinPolicy, joinQuestions,
                    Boolean.TRUE.equals(moderatorsOnlyPosting));
        }
    }

    record GroupJson(String id, String slug, String name, String description, String language, String visibility,
            String joinPolicy, List<String> joinQuestions, boolean moderatorsOnlyPosting, int memberCount,
            Instant createdAt, Instant lastActivityAt) {
        static GroupJson of(Group g) {
            return new GroupJson(Long.toString(g.id()), g.slug(), g.name(), g.description(), g.language(),
                    g.visibility().name(), g.joinPolicy().name(), g.joinQuestions(), g.moderatorsOnlyPosting(),
                    g.memberCount(), g.createdAt(), g.lastActivityAt());
        }
    }

    /** A group with what the caller may do there. */
    record GroupViewJson(GroupJson group, String role, boolean banned, boolean requested, boolean invited,
            boolean canRead, boolean canPost, long pendingRequests) {
        static GroupViewJson of(GroupPage v) {
            return new GroupViewJson(GroupJson.of(v.group()), v.membership().map(m -> m.role().name()).orElse(null),
                    v.banned(), v.requested(), v.invited(), v.canRead(), v.canPost(), v.pendingRequests());
        }
    }

    record MemberJson(String id, String handle, String displayName, String role, Instant since) {
        static MemberJson of(Member m) {
            return new MemberJson(Long.toString(m.accountId()), m.handle(), m.displayName(), m.role().name(), m.since());
        }
    }

    record RequestJson(String id, String handle, String displayName, List<String> answers, Instant createdAt) {
        static RequestJson of(JoinRequest r) {
            return new RequestJson(Long.toString(r.id()), r.handle(), r.displayName(), r.answers(), r.createdAt());
        }
    }

    record JoinBody(List<String> answers) {
    }

    record RoleBody(String role) {
    }

    record HandleBody(String handle, String reason) {
    }

    @PostMapping("/api/v1/groups")
    @Operation(summary = "Create a group; you become its owner")
    ResponseEntity<GroupJson> create(Account me, @RequestBody CreateRequest body) {
        Group group = groups.create(me, body.form(me.locale()));
        return ResponseEntity.created(URI.create("/api/v1/groups/" + group.slug())).body(GroupJson.of(group));
    }

    @GetMapping("/api/v1/groups")
    @Operation(summary = "Public and private groups, filtered by name; sort=members|activity")
    Listing<GroupJson> list(@RequestParam(defaultValue = "") String query, @RequestParam(defaultValue = "members") String sort,
            @RequestParam(required = false) String before) {
        GroupService.Sort order = "activity".equals(sort) ? GroupService.Sort.ACTIVITY : GroupService.Sort.MEMBERS;
        List<Group> found = groups.directory(query, order, before);
        return new Listing<>(found.stream().map(GroupJson::of).toList(),
                found.size() == GroupService.PAGE_SIZE ? GroupService.cursorOf(found.getLast(), order) : null);
    }

    @GetMapping("/api/v1/me/groups")
    @Operation(summary = "The groups you are a member of")
    Listing<GroupJson> mine(Account me) {
        return new Listing<>(groups.mine(me.id()).stream().map(GroupJson::of).toList(), null);
    }

    @GetMapping("/api/v1/groups/{slug}")
    @Operation(summary = "One group, and what you may do there; hidden groups are 404 to non-members")
    GroupViewJson one(@PathVariable String slug, Viewer viewer) {
        return GroupViewJson.of(groups.view(slug, account(viewer)));
    }

    @PostMapping("/api/v1/groups/{slug}/members")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Join (OPEN, or invited) or ask to join (REQUEST, with answers)")
    Map<String, String> join(Account me, @PathVariable String slug, @RequestBody(required = false) JoinBody body) {
        return Map.of("status", groups.join(me, slug, body == null ? List.of() : body.answers()).name());
    }

    @DeleteMapping("/api/v1/groups/{slug}/members/me")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Leave the group")
    void leave(Account me, @PathVariable String slug) {
        groups.leave(me, slug);
    }

    @GetMapping("/api/v1/groups/{slug}/members")
    @Operation(summary = "Members by id, 100 a page (pass next as after=); for private groups members only")
    Listing<MemberJson> members(@PathVariable String slug, @RequestParam(defaultValue = "0") long after, Viewer viewer) {
        return Listing.of(groups.members(slug, account(viewer), after), GroupService.MEMBERS_PAGE, Member::accountId, MemberJson::of);
    }

    @PutMapping("/api/v1/groups/{slug}/members/{handle}/role")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Owners set a member's role: OWNER, MODERATOR or MEMBER")
    void role(Account me, @PathVariable String slug, @PathVariable String handle, @RequestBody RoleBody body) {
        groups.setRole(me, slug, handle, body.role());
    }

    @DeleteMapping("/api/v1/groups/{slug}/members/{handle}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Moderators remove a member")
    void remove(Account me, @PathVariable String slug, @PathVariable String handle) {
        groups.remove(me, slug, handle);
    }

    @GetMapping("/api/v1/groups/{slug}/requests")
    @Operation(summary = "Pending requests to join (moderators)")
    Listing<RequestJson> requests(Account me, @PathVariable String slug) {
        return new Listing<>(groups.requests(me, slug).stream().map(RequestJson::of).toList(), null);
    }

    @PostMapping("/api/v1/groups/{slug}/requests/{id}/approve")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void approve(Account me, @PathVariable String slug, @PathVariable long id) {
        groups.approve(me, slug, id);
    }

    @PostMapping("/api/v1/groups/{slug}/requests/{id}/decline")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void decline(Account me, @PathVariable String slug, @PathVariable long id) {
        groups.decline(me, slug, id);
    }

    @PostMapping("/api/v1/groups/{slug}/bans")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Moderators ban someone: they lose membership and cannot rejoin")
    void ban(Account me, @PathVariable String slug, @RequestBody HandleBody body) {
        groups.ban(me, slug, body.handle(), body.reason());
    }

    @DeleteMapping("/api/v1/groups/{slug}/bans/{handle}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unban(Account me, @PathVariable String slug, @PathVariable String handle) {
        groups.unban(me, slug, handle);
    }

    @PostMapping("/api/v1/groups/{slug}/invitations")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Moderators invite someone by handle")
    void invite(Account me, @PathVariable String slug, @RequestBody HandleBody body) {
        groups.invite(me, slug, body.handle());
    }

    private Account account(Viewer viewer) {
        return accounts.of(viewer).orElse(null);
    }
}
