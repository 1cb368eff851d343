package org.approvalchain.engine.api;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.approvalchain.engine.process.LicenceReuse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Licence reuse (证照复用) for the signed-in applicant: their valid licences as the chain holds them
 * now, and an application form filled from them. Starting a case that reuses them is {@code
 * reusedLicences} in {@code POST /api/processes/{processKey}/cases}.
 */
@Tag(name = "Cases")
@RestController
class LicenceReuseController {

    private final LicenceReuse reuse;

    LicenceReuseController(LicenceReuse reuse) {
        this.reuse = reuse;
    }

    @Operation(summary = "My licences",
            description = "The signed-in user's valid licences: issued for cases they started as applicant, each "
                    + "checked against LicenseRegistry now (issued, not revoked, within its validity, held by the "
                    + "case's applicant), with its hash (the material a case that reuses it keeps), the case and the "
                    + "process that issued it; newest first.")
    @Refusals({"API-503"})
    @GetMapping("/api/me/licences")
    List<LicenceReuse.HeldLicence> myLicences(Principal user) {
        return reuse.held(user.getName());
    }

    @Operation(summary = "Fill an application from my licences",
            description = "The latest version's application form (its fields, and for each the licence type and field "
                    + "it may be filled from, `prefill`) and the values the signed-in user's valid licences give it "
                    + "now, each with the licence number, type and hash it came from. Start the case with those "
                    + "numbers in `reusedLicences`.")
    @Refusals({"API-404", "API-503"})
    @GetMapping("/api/processes/{processKey}/application-prefill")
    LicenceReuse.ApplicationPrefill prefill(@PathVariable String processKey, Principal user) {
        return reuse.prefill(processKey, user.getName());
    }
}
