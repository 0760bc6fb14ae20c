package org.tribune.group;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    private final GroupMembers groupMembers;
    private final GroupJoining groupJoining;
    private final AccountService accounts;

    GroupApi(GroupService groups, GroupMembers groupMembers, GroupJoining groupJoining, AccountService accounts) {
        this.groupJoining = groupJoining;
        this.groups = groups;
        this.groupMembers = groupMembers;
        this.accounts = accounts;
    }

    record NewGroup(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The group's address: lower-case letters, digits and dashes", example = "birdwatchers") String slug,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Birdwatchers") String name,
            String description,
            @Schema(description = "Language code; your own when left out", example = "en") String language,
            @Schema(implementation = Visibility.class, description = "PUBLIC when left out") String visibility,
            @Schema(implementation = JoinPolicy.class, description = "OPEN when left out") String joinPolicy,
            @Schema(description = "Questions applicants answer when joinPolicy is REQUEST") List<String> joinQuestions,
            Boolean moderatorsOnlyPosting) {
        GroupForm form(String fallbackLanguage) {
            return new GroupForm(slug, name, description, language == null ? fallbackLanguage : language,
                    visibility == null ? "PUBLIC" : visibility, joinPolicy == null ? "OPEN" : joinPolicy, joinQuestions,
                    Boolean.TRUE.equals(moderatorsOnlyPosting));
        }
    }

    @Schema(name = "Group")
    record GroupJson(String id, String slug, String name, String description, String language,
            @Schema(implementation = Visibility.class) String visibility,
            @Schema(implementation = JoinPolicy.class) String joinPolicy, List<String> joinQuestions, boolean moderatorsOnlyPosting, int memberCount,
            Instant createdAt, Instant lastActivityAt) {
        static GroupJson of(Group g) {
            return new GroupJson(Long.toString(g.id()), g.slug(), g.name(), g.description(), g.language(),
                    g.visibility().name(), g.joinPolicy().name(), g.joinQuestions(), g.moderatorsOnlyPosting(),
                    g.memberCount(), g.createdAt(), g.lastActivityAt());
        }
    }

    /** A group with what the caller may do there. */
    @Schema(name = "GroupView")
    record GroupViewJson(GroupJson group,
            @Schema(implementation = GroupRole.class, nullable = true, description = "Your role; null when you are not a member") String role, boolean banned, boolean requested, boolean invited,
            boolean canRead, boolean canPost, long pendingRequests) {
        static GroupViewJson of(GroupPage v) {
            return new GroupViewJson(GroupJson.of(v.group()), v.membership().map(m -> m.role().name()).orElse(null),
                    v.banned(), v.requested(), v.invited(), v.canRead(), v.canPost(), v.pendingRequests());
        }
    }

    @Schema(name = "GroupMember")
    record MemberJson(String id, String handle, String displayName, @Schema(implementation = GroupRole.class) String role,
            Instant since, @Schema(nullable = true, description = "Their picture; null when they have none") String avatarUrl) {
        static MemberJson of(Member m, Account person) {
            return new MemberJson(Long.toString(m.accountId()), m.handle(), m.displayName(), m.role().name(), m.since(),
                    person == null ? null : person.avatarUrl());
        }
    }

    @Schema(name = "JoinRequest")
    record RequestJson(String id, String handle, String displayName, List<String> answers, Instant createdAt,
            @Schema(nullable = true, description = "Their picture; null when they have none") String avatarUrl) {
        static RequestJson of(JoinRequest r, Account person) {
            return new RequestJson(Long.toString(r.id()), r.handle(), r.displayName(), r.answers(), r.createdAt(),
                    person == null ? null : person.avatarUrl());
        }
    }

    @Schema(name = "JoinRequestBody")
    record JoinBody(@Schema(description = "Answers to the group's questions, in their order") List<String> answers) {
    }

    /** What joining did. */
    @Schema(name = "JoinOutcome")
    record JoinedJson(@Schema(implementation = GroupJoining.JoinOutcome.class) String status) {
    }

    @Schema(name = "GroupRoleChange")
    record RoleBody(@Schema(implementation = GroupRole.class, requiredMode = Schema.RequiredMode.REQUIRED) String role) {
    }

    @Schema(name = "PersonByHandle")
    record HandleBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String handle,
            @Schema(description = "Why (bans only); shown in the moderation log") String reason) {
    }

    @PostMapping("/api/v1/groups")
    @Operation(operationId = "createGroup", summary = "Create a group; you become its owner",
            responses = {@ApiResponse(responseCode = "201", description = "Created; Location is the group"),
                    @ApiResponse(responseCode = "400", description = "Invalid fields, or the slug is taken (problem.invalid-input)")},
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @io.swagger.v3.oas.annotations.media.Content(
                    examples = @ExampleObject(value = "{\"slug\": \"birdwatchers\", \"name\": \"Birdwatchers\", "
                            + "\"description\": \"Sightings and questions\", \"visibility\": \"PUBLIC\", \"joinPolicy\": \"OPEN\"}"))))
    ResponseEntity<GroupJson> create(Account me, @RequestBody NewGroup body) {
        Group group = groups.create(me, body.form(me.locale()));
        return ResponseEntity.created(URI.create("/api/v1/groups/" + group.slug())).body(GroupJson.of(group));
    }

    @GetMapping("/api/v1/groups")
    @Operation(operationId = "listGroups", summary = "Public and private groups, filtered by name; sort=members|activity")
    Listing<GroupJson> list(@RequestParam(defaultValue = "") String query,
            @io.swagger.v3.oas.annotations.Parameter(schema = @Schema(allowableValues = {"members", "activity"})) @RequestParam(defaultValue = "members") String sort,
            @RequestParam(required = false) String before) {
        GroupService.Sort order = "activity".equals(sort) ? GroupService.Sort.ACTIVITY : GroupService.Sort.MEMBERS;
        List<Group> found = groups.directory(query, order, before);
        return new Listing<>(found.stream().map(GroupJson::of).toList(),
                found.size() == GroupService.PAGE_SIZE ? GroupService.cursorOf(found.getLast(), order) : null);
    }

    @GetMapping("/api/v1/me/groups")
    @Operation(operationId = "listMyGroups", summary = "The groups you are a member of")
    Listing<GroupJson> mine(Account me) {
        return new Listing<>(groups.mine(me.id()).stream().map(GroupJson::of).toList(), null);
    }

    @GetMapping("/api/v1/groups/{slug}")
    @Operation(operationId = "getGroup", summary = "One group, and what you may do there; hidden groups are 404 to non-members")
    GroupViewJson one(@PathVariable String slug, Viewer viewer) {
        return GroupViewJson.of(groups.view(slug, account(viewer)));
    }

    @PostMapping("/api/v1/groups/{slug}/members")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "joinGroup", summary = "Join (OPEN, or invited) or ask to join (REQUEST, with answers)",
            responses = {@ApiResponse(responseCode = "201", description = "Joined, or asked to join"),
                    @ApiResponse(responseCode = "409", description = "Already a member, or banned")})
    JoinedJson join(Account me, @PathVariable String slug, @RequestBody(required = false) JoinBody body) {
        return new JoinedJson(groupJoining.join(me, slug, body == null ? List.of() : body.answers()).name());
    }

    @DeleteMapping("/api/v1/groups/{slug}/members/me")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "leaveGroup", summary = "Leave the group")
    void leave(Account me, @PathVariable String slug) {
        groupJoining.leave(me, slug);
    }

    @GetMapping("/api/v1/groups/{slug}/members")
    @Operation(operationId = "listGroupMembers", summary = "Members by id, 100 a page (pass next as after=); for private groups members only")
    Listing<MemberJson> members(@PathVariable String slug, @RequestParam(defaultValue = "0") long after, Viewer viewer) {
        List<Member> page = groupMembers.members(slug, account(viewer), after);
        java.util.Map<Long, Account> people = accounts.byIds(page.stream().map(Member::accountId).toList());
        return Listing.of(page, GroupMembers.MEMBERS_PAGE, Member::accountId, m -> MemberJson.of(m, people.get(m.accountId())));
    }

    @PutMapping("/api/v1/groups/{slug}/members/{handle}/role")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "setGroupRole", summary = "Owners set a member's role: OWNER, MODERATOR or MEMBER")
    void role(Account me, @PathVariable String slug, @PathVariable String handle, @RequestBody RoleBody body) {
        groupMembers.setRole(me, slug, handle, body.role());
    }

    @DeleteMapping("/api/v1/groups/{slug}/members/{handle}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "removeGroupMember", summary = "Moderators remove a member")
    void remove(Account me, @PathVariable String slug, @PathVariable String handle) {
        groupMembers.remove(me, slug, handle);
    }

    @GetMapping("/api/v1/groups/{slug}/requests")
    @Operation(operationId = "listJoinRequests", summary = "Pending requests to join (moderators)")
    Listing<RequestJson> requests(Account me, @PathVariable String slug) {
        List<JoinRequest> requests = groupJoining.requests(me, slug);
        java.util.Map<Long, Account> people = accounts.byIds(requests.stream().map(JoinRequest::accountId).toList());
        return new Listing<>(requests.stream().map(r -> RequestJson.of(r, people.get(r.accountId()))).toList(), null);
    }

    @PostMapping("/api/v1/groups/{slug}/requests/{id}/approve")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "approveJoinRequest", summary = "Let the applicant in (moderators)")
    void approve(Account me, @PathVariable String slug, @PathVariable long id) {
        groupJoining.approve(me, slug, id);
    }

    @PostMapping("/api/v1/groups/{slug}/requests/{id}/decline")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "declineJoinRequest", summary = "Turn the applicant down (moderators)")
    void decline(Account me, @PathVariable String slug, @PathVariable long id) {
        groupJoining.decline(me, slug, id);
    }

    @PostMapping("/api/v1/groups/{slug}/bans")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "banFromGroup", summary = "Moderators ban someone: they lose membership and cannot rejoin")
    void ban(Account me, @PathVariable String slug, @RequestBody HandleBody body) {
        groupMembers.ban(me, slug, body.handle(), body.reason());
    }

    @DeleteMapping("/api/v1/groups/{slug}/bans/{handle}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "unbanFromGroup", summary = "Lift a ban (moderators)")
    void unban(Account me, @PathVariable String slug, @PathVariable String handle) {
        groupMembers.unban(me, slug, handle);
    }

    @PostMapping("/api/v1/groups/{slug}/invitations")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "inviteToGroup", summary = "Moderators invite someone by handle")
    void invite(Account me, @PathVariable String slug, @RequestBody HandleBody body) {
        groupMembers.invite(me, slug, body.handle());
    }

    private Account account(Viewer viewer) {
        return accounts.of(viewer).orElse(null);
    }
}
