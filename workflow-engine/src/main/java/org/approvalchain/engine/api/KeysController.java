package org.approvalchain.engine.api;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.approvalchain.engine.identity.UserDirectory;
import org.approvalchain.engine.keys.KeyEnrolment;
import org.approvalchain.engine.keys.KeyEnrolments;
import org.approvalchain.engine.keys.RegisteredKey;
import org.approvalchain.engine.keys.RegisteredKeys;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Approvers' keys. An approver enrols their own key (a challenge, then their signature over it with
 * the new key: the private key never comes here); two different administrators approve it, and it is
 * registered on chain. Keys are listed from the chain; the approver or an administrator revokes one.
 */
@Tag(name = "Approvers' keys")
@RestController
class KeysController {

    private final KeyEnrolments enrolments;
    private final RegisteredKeys keys;
    private final UserDirectory users;

    KeysController(KeyEnrolments enrolments, RegisteredKeys keys, UserDirectory users) {
        this.enrolments = enrolments;
        this.keys = keys;
        this.users = users;
    }

    /** The proof of possession: the signature (DER, base64) over the challenge's exact bytes with the new key. */
    record Proof(@NotBlank @Schema(example = "MEUCIQDx…base64 DER…") String signature) {
    }

    /** Why an administrator refuses an enrolment. */
    record Rejection(@NotBlank @Schema(example = "not the approver's own key") String reason) {
    }

    /** A registered key as the chain holds it. */
    record KeyView(long index, String fingerprint, String publicKey, String validFrom, String validUntil,
                   String registeredAt, String approvedBy, String confirmedBy, String revokedBy, boolean proven) {

        static KeyView of(RegisteredKey k) {
            return new KeyView(k.index(), k.key().fingerprint(), k.key().pointHex(), k.validFrom().toString(),
                    k.validUntil() == null ? null : k.validUntil().toString(), k.registeredAt().toString(), k.approvedBy(),
                    k.confirmedBy(), k.revokedBy(), k.proven());
        }
    }

    /** Starts enrolling a key: the body is its PEM public key or SM2 certificate; the answer holds the challenge to sign. */
    @Operation(summary = "Enrol a key",
            description = "Starts enrolling the signed-in user's new SM2 key (PEM public key or certificate, as "
                    + "text or in JSON `publicKey`): 201 with the challenge to sign with it "
                    + "(docs/approver-keys.md).")
    @Refusals({"API-409"})
    @PostMapping(path = "/api/me/key-enrolments",
            consumes = {MediaType.TEXT_PLAIN_VALUE, "application/x-pem-file", "application/pkix-cert"})
    @ResponseStatus(HttpStatus.CREATED)
    KeyEnrolment enrol(@RequestBody String pem, Principal me) {
        return enrolments.challenge(me.getName(), pem);
    }

    /** The new key, for JSON clients (the web application). */
    record NewKey(@NotBlank @Schema(example = "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAE…\n-----END PUBLIC KEY-----")
                  String publicKey) {
    }

    /** {@link #enrol} with the PEM in a JSON body: {@code {"publicKey": "-----BEGIN PUBLIC KEY-----..."}}. */
    @Operation(summary = "Enrol a key",
            description = "Starts enrolling the signed-in user's new SM2 key (PEM public key or certificate, as "
                    + "text or in JSON `publicKey`): 201 with the challenge to sign with it "
                    + "(docs/approver-keys.md).")
    @Refusals({"API-409"})
    @PostMapping(path = "/api/me/key-enrolments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    KeyEnrolment enrolJson(@Valid @RequestBody NewKey key, Principal me) {
        return enrolments.challenge(me.getName(), key.publicKey());
    }

    @Operation(summary = "Prove possession of the key",
            description = "The signature over the enrolment's challenge with the new key; the enrolment then waits "
                    + "for two administrators.")
    @Refusals({"API-403", "API-404", "API-409"})
    @PostMapping("/api/me/key-enrolments/{id}/proof")
    KeyEnrolment prove(@PathVariable long id, @Valid @RequestBody Proof proof, Principal me) {
        return enrolments.prove(id, me.getName(), proof.signature());
    }

    @Operation(summary = "List my key enrolments",
            description = "The signed-in user's key enrolments in every state.")
    @GetMapping("/api/me/key-enrolments")
    List<KeyEnrolment> myEnrolments(Principal me) {
        return enrolments.list(null, me.getName());
    }

    @Operation(summary = "List my keys",
            description = "The signed-in user's keys as ApproverKeyRegistry holds them, with validity and who "
                    + "approved them.")
    @Refusals({"API-503"})
    @GetMapping("/api/me/keys")
    List<KeyView> myKeys(Principal me) {
        return keys.of(me.getName()).stream().map(KeyView::of).toList();
    }

    @Operation(summary = "Revoke one of my keys",
            description = "Revokes the signed-in user's key on chain; decisions signed before stay valid.")
    @Refusals({"API-404", "API-409", "API-503"})
    @PostMapping("/api/me/keys/{fingerprint}/revoke")
    KeyView revokeMine(@PathVariable String fingerprint, Principal me) {
        return KeyView.of(enrolments.revoke(me.getName(), fingerprint, me.getName()));
    }

    /** Enrolments by state ({@code REQUESTED} waits for a first approval, {@code APPROVED} for a second). */
    @Operation(summary = "List key enrolments",
            parameters = {@Parameter(name = "state", description = "only enrolments in this state"),
                    @Parameter(name = "approver", description = "only this approver's enrolments")},
            description = "Administrators: enrolments by state (REQUESTED waits for a first approval, APPROVED for "
                    + "a second) and approver.")
    @GetMapping("/api/admin/key-enrolments")
    @PreAuthorize("hasAuthority('GROUP_camunda-admin')")
    List<KeyEnrolment> enrolments(@RequestParam(required = false) KeyEnrolment.State state,
                                  @RequestParam(required = false) String approver) {
        return enrolments.list(state, approver);
    }

    @Operation(summary = "Approve a key enrolment",
            description = "Administrators: the first approval, or the second (by another administrator) that "
                    + "registers the key on chain (four eyes).")
    @Refusals({"API-403", "API-404", "API-409", "API-503"})
    @PostMapping("/api/admin/key-enrolments/{id}/approve")
    @PreAuthorize("hasAuthority('GROUP_camunda-admin')")
    KeyEnrolment approve(@PathVariable long id, Principal admin) {
        return enrolments.approve(id, admin.getName());
    }

    @Operation(summary = "Reject a key enrolment",
            description = "Administrators: refuses a requested or approved enrolment, with the reason.")
    @Refusals({"API-404", "API-409"})
    @PostMapping("/api/admin/key-enrolments/{id}/reject")
    @PreAuthorize("hasAuthority('GROUP_camunda-admin')")
    KeyEnrolment reject(@PathVariable long id, @Valid @RequestBody Rejection rejection, Principal admin) {
        return enrolments.reject(id, admin.getName(), rejection.reason());
    }

    @Operation(summary = "List an approver's keys",
            description = "Administrators: the approver's keys as ApproverKeyRegistry holds them.")
    @Refusals({"API-503"})
    @GetMapping("/api/admin/approvers/{userId}/keys")
    @PreAuthorize("hasAuthority('GROUP_camunda-admin')")
    List<KeyView> keysOf(@PathVariable String userId) {
        requireUser(userId);
        return keys.of(userId).stream().map(KeyView::of).toList();
    }

    @Operation(summary = "Revoke an approver's key",
            description = "Administrators: revokes the approver's key on chain.")
    @Refusals({"API-404", "API-409", "API-503"})
    @PostMapping("/api/admin/approvers/{userId}/keys/{fingerprint}/revoke")
    @PreAuthorize("hasAuthority('GROUP_camunda-admin')")
    KeyView revoke(@PathVariable String userId, @PathVariable String fingerprint, Principal admin) {
        requireUser(userId);
        return KeyView.of(enrolments.revoke(userId, fingerprint, admin.getName()));
    }

    private void requireUser(String userId) {
        if (!users.exists(userId)) {
            throw new IllegalArgumentException("no user '" + userId + "' in the identity service");
        }
    }
}
