package org.tribune.follow;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tribune.account.Account;
import org.tribune.account.DisplayNameChange;
import org.tribune.account.AccountService;
import org.tribune.platform.web.Listing;
import org.tribune.platform.web.Viewer;

/** People's public profiles and follows over the API, with the same rules as the pages. */
@RestController
@Tag(name = "People")
class FollowApi {
    private final FollowService follows;
    private final AccountService accounts;

    FollowApi(FollowService follows, AccountService accounts) {
        this.follows = follows;
        this.accounts = accounts;
    }

    @Schema(name = "PersonRef")
    record PersonJson(String id, String handle, String displayName,
            @Schema(nullable = true, description = "Their picture; null when they have none") String avatarUrl) {
        static PersonJson of(Person p, Account person) {
            return new PersonJson(Long.toString(p.id()), p.handle(), p.displayName(),
                    person == null ? null : person.avatarUrl());
        }
    }

    /** Public profile fields only: never the address, the language or the state. */
    /** Null fields are those the person hides from this viewer. */
    @Schema(name = "Profile")
    record ProfileJson(String id, String handle, String displayName, @Schema(nullable = true) String bio,
            @Schema(nullable = true) Long followers, @Schema(nullable = true) Long following,
            boolean followedByMe,
            @Schema(nullable = true, description = "Their picture; null when they have none or show their profile's "
                    + "details to fewer people") String avatarUrl,
            @Schema(description = "Display names they had in the last 30 days, newest change first: nobody quietly "
                    + "becomes someone else") List<EarlierNameJson> earlierNames) {
        static ProfileJson of(Profile p, Account person, List<DisplayNameChange> earlier) {
            return new ProfileJson(Long.toString(p.id()), p.handle(), p.displayName(), p.bio(),
                    p.counts() == null ? null : p.counts().followers(), p.counts() == null ? null : p.counts().following(),
                    p.followedByMe(), p.bio() == null || person == null ? null : person.avatarUrl(),
                    earlier.stream().map(c -> new EarlierNameJson(c.oldName(), c.changedAt())).toList());
        }
    }

    /** A name someone had until {@code changedAt}. */
    @Schema(name = "EarlierName")
    record EarlierNameJson(String name, java.time.Instant changedAt) {
    }

    @GetMapping("/api/v1/users/{handle}")
    @Operation(operationId = "getProfile", summary = "A person's public profile, their follow counts, and whether you follow them")
    ProfileJson profile(@PathVariable String handle, Viewer viewer) {
        Profile profile = follows.profile(handle, viewer == null ? null : viewer.id());
        return ProfileJson.of(profile, accounts.byId(profile.id()).orElse(null), accounts.recentEarlierNames(profile.id()));
    }

    @PutMapping("/api/v1/users/{handle}/follow")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "follow", responses = {@ApiResponse(responseCode = "204", description = "Following"),
            @ApiResponse(responseCode = "409", description = "Yourself, or someone who does not accept followers")}, summary = "Follow someone (active members); following again changes nothing")
    void follow(Account me, @PathVariable String handle) {
        follows.follow(me, handle);
    }

    @DeleteMapping("/api/v1/users/{handle}/follow")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "unfollow", summary = "Stop following someone; unfollowing again changes nothing")
    void unfollow(Account me, @PathVariable String handle) {
        follows.unfollow(me, handle);
    }

    @GetMapping("/api/v1/users/{handle}/followers")
    @Operation(operationId = "listFollowers", summary = "People who follow this person, 50 a page; pass `next` back as `before`")
    Listing<PersonJson> followers(@PathVariable String handle, @RequestParam(required = false) String before,
            Viewer viewer) {
        return listing(follows.followers(handle, before, viewer == null ? null : viewer.id()));
    }

    @GetMapping("/api/v1/users/{handle}/following")
    @Operation(operationId = "listFollowing", summary = "People this person follows, 50 a page; pass `next` back as `before`")
    Listing<PersonJson> following(@PathVariable String handle, @RequestParam(required = false) String before,
            Viewer viewer) {
        return listing(follows.following(handle, before, viewer == null ? null : viewer.id()));
    }

    private Listing<PersonJson> listing(People people) {
        java.util.Map<Long, Account> found = accounts.byIds(people.items().stream().map(Person::id).toList());
        return new Listing<>(people.items().stream().map(p -> PersonJson.of(p, found.get(p.id()))).toList(), people.next());
    }
}
