package org.tribune.admission;

import java.net.URI;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tribune.account.Account;
import org.tribune.platform.web.Listing;

/** A member's invitation links over the API. The invitee's address is never part of any answer. */
@RestController
@Tag(name = "Invitations")
class InvitationApi {
    private final InvitationService invitations;

    InvitationApi(InvitationService invitations) {
        this.invitations = invitations;
    }

    @Schema(name = "NewInvitation")
    record CreatedJson(String id, String link, Instant expiresAt) {
    }

    /** {@code inviteeHandle} only once the inviter and the invitee are connected. */
    @Schema(name = "Invitation")
    record InvitationJson(String id, @Schema(implementation = Invitation.Status.class) String status, Instant createdAt,
            Instant expiresAt, @Schema(nullable = true) Instant usedAt, @Schema(nullable = true) Instant revokedAt,
            @Schema(nullable = true) String inviteeHandle) {
        static InvitationJson of(InvitationService.Listed l) {
            Invitation i = l.invitation();
            return new InvitationJson(Long.toString(i.id()), l.status().name(), i.createdAt(), i.expiresAt(), i.usedAt(),
                    i.revokedAt(), l.inviteeHandle());
        }
    }

    @PostMapping("/api/v1/invitations")
    @Operation(operationId = "createInvitation", responses = @ApiResponse(responseCode = "201", description = "Made; the link is shown only now"), summary = "Make an invitation link (single-use, valid 14 days); the link is shown only in this answer")
    ResponseEntity<CreatedJson> create(Account me) {
        InvitationService.Created created = invitations.create(me);
        String id = Long.toString(created.invitation().id());
        return ResponseEntity.created(URI.create("/api/v1/invitations/" + id))
                .body(new CreatedJson(id, created.link(), created.invitation().expiresAt()));
    }

    @GetMapping("/api/v1/invitations")
    @Operation(operationId = "listInvitations", summary = "The caller's invitation links, newest first")
    Listing<InvitationJson> list(Account me, @RequestParam(required = false) Long before) {
        return Listing.of(invitations.list(me, before), InvitationService.PAGE_SIZE, l -> l.invitation().id(),
                InvitationJson::of);
    }

    @DeleteMapping("/api/v1/invitations/{id}")
    @Operation(operationId = "revokeInvitation", responses = {@ApiResponse(responseCode = "204", description = "Revoked"),
            @ApiResponse(responseCode = "409", description = "Used already")}, summary = "Revoke an unused invitation link of the caller's")
    ResponseEntity<Void> revoke(Account me, @PathVariable long id) {
        invitations.revoke(me, id);
        return ResponseEntity.noContent().build();
    }
}
