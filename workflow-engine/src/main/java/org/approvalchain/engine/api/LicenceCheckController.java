package org.approvalchain.engine.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.approvalchain.engine.chain.Licences;
import org.approvalchain.engine.process.CaseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public licence check (证照核验): anyone, without logging in, may ask the chain whether a
 * licence number is valid, revoked or expired, with its type, issuer, validity and the block it
 * was issued in. Never the holder or any other personal data.
 */
@Tag(name = "Public")
@RestController
class LicenceCheckController {

    private static final int MAX_NUMBER = 100;

    private final Licences licences;

    LicenceCheckController(Licences licences) {
        this.licences = licences;
    }

    @Operation(summary = "Check a licence",
            description = "No login: a licence from LicenseRegistry: standing (VALID, REVOKED, EXPIRED, "
                    + "NOT_YET_VALID), type, issuer and its department, validity, the block and transaction it was "
                    + "issued in, and its hash (SM3 of the issue, the material a case that reuses it keeps); never the holder.",
            parameters = {@Parameter(name = "number", description = "the licence number, e.g. as printed on the licence")})
    @Refusals({"LICENCE-001", "LICENCE-002", "API-503"})
    @GetMapping("/api/public/licences/{number}")
    Licences.Licence check(@PathVariable String number) {
        if (number.isBlank() || number.length() > MAX_NUMBER) {
            throw new IllegalArgumentException("LICENCE-002 a licence number has 1 to " + MAX_NUMBER + " characters");
        }
        return licences.find(number).orElseThrow(() -> new CaseException(CaseException.Kind.NOT_FOUND,
                "LICENCE-001 no licence with number " + number + " was issued"));
    }
}
