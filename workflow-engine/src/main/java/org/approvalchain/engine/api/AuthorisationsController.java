package org.approvalchain.engine.api;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.approvalchain.engine.proxy.Authorisations;
import org.approvalchain.engine.proxy.Authorisations.Action;
import org.approvalchain.engine.proxy.Authorisations.Authorisation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Authorised proxy handling (授权代办): an applicant grants and revokes an agent's authorisation by
 * signing it with their own key; each party lists theirs and the actions taken under them.
 */
@Tag(name = "Authorisations")
@RestController
class AuthorisationsController {

    private final Authorisations authorisations;

    AuthorisationsController(Authorisations authorisations) {
        this.authorisations = authorisations;
    }

    /**
     * @param document the canonical JSON text the principal signed (docs/proxy-authorisation.md)
     * @param signature SM3withSM2 over the document's UTF-8 bytes, DER, base64, by the principal's registered key
     */
    record Signed(@NotBlank @Size(max = 8000) String document,
                  @NotBlank @Size(max = 200) @Schema(example = "MEUCIQ…") String signature) {
    }

    @Operation(summary = "Grant an authorisation",
            description = "The principal authorises an agent for some services and a period by signing the canonical "
                    + "authorisation document with their registered SM2 key; the engine verifies it and records it on "
                    + "chain (hashes only). 201 with the authorisation; its id is the SM3 of the document.")
    @Refusals({"PROXY-005", "PROXY-006", "PROXY-007", "PROXY-008", "API-503"})
    @PostMapping("/api/authorisations")
    @ResponseStatus(HttpStatus.CREATED)
    Authorisation grant(@Valid @RequestBody Signed body, Principal user) {
        return authorisations.grant(user.getName(), body.document(), body.signature());
    }

    @Operation(summary = "Revoke an authorisation",
            description = "The principal revokes the authorisation by signing the canonical revocation document; "
                    + "recorded on chain, from then on every action of the agent under it is refused (PROXY-003).")
    @Refusals({"PROXY-005", "PROXY-006", "PROXY-007", "PROXY-008", "PROXY-009", "API-503"})
    @PostMapping("/api/authorisations/{id}/revocation")
    Authorisation revoke(@PathVariable String id, @Valid @RequestBody Signed body, Principal user) {
        return authorisations.revoke(user.getName(), id, body.document(), body.signature());
    }

    @Operation(summary = "List my authorisations",
            description = "The caller's authorisations, given (as principal) and received (as agent), newest first, "
                    + "with where each stands now.")
    @GetMapping("/api/authorisations")
    List<Authorisation> list(Principal user) {
        return authorisations.of(user.getName());
    }

    @Operation(summary = "Actions taken under an authorisation",
            description = "Every action the agent took under the authorisation, as the chain recorded it: who, what, "
                    + "in which service and case, when (chain time), transaction and block; for its principal and agent.")
    @Refusals({"PROXY-009"})
    @GetMapping("/api/authorisations/{id}/actions")
    List<Action> actions(@PathVariable String id, Principal user) {
        return authorisations.actions(user.getName(), id);
    }
}
