package org.approvalchain.engine.api;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.approvalchain.engine.audit.AuditEntry;
import org.approvalchain.engine.audit.CaseAudit;
import org.approvalchain.engine.audit.CaseVerifier;
import org.approvalchain.engine.audit.Verification;
import org.approvalchain.engine.process.CaseAccess;
import org.approvalchain.engine.process.CaseMessages;
import org.approvalchain.engine.process.CasePersonalData;
import org.approvalchain.engine.process.CaseView;
import org.approvalchain.engine.process.Cases;
import org.approvalchain.engine.process.PersonalData;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starting a case of a process, reading a case with its chain evidence (and, for those who handle
 * it, its personal data), and the applicant's messages into a running case: corrections and a
 * request for human review.
 */
@RestController
class CasesController {

    private final Cases cases;
    private final CaseMessages messages;
    private final CaseAudit audit;
    private final CaseVerifier verifier;
    private final CaseAccess access;
    private final PersonalData personalData;

    CasesController(Cases cases, CaseMessages messages, CaseAudit audit, CaseVerifier verifier, CaseAccess access,
                    PersonalData personalData) {
        this.cases = cases;
        this.messages = messages;
        this.audit = audit;
        this.verifier = verifier;
        this.access = access;
        this.personalData = personalData;
    }

    /**
     * @param application the application's fields (text, numbers, true/false): become case variables
     * @param applicant the applicant's personal data: kept off chain and out of case views; only its SM3 hash is recorded
     */
    record StartCase(@NotNull Map<String, Object> application, Map<String, Object> applicant) {
    }

    record CaseStarted(String caseId) {
    }

    @PostMapping("/api/processes/{processKey}/cases")
    @ResponseStatus(HttpStatus.CREATED)
    CaseStarted start(@PathVariable String processKey, @Valid @RequestBody StartCase request, Principal user) {
        return new CaseStarted(cases.start(processKey, request.application(),
                request.applicant() == null ? Map.of() : request.applicant(), user.getName()));
    }

    /** The case without its personal data, for its applicant, the officers of its process, legal reviewers and administrators (else 403). */
    @GetMapping("/api/cases/{caseId}")
    CaseView get(@PathVariable String caseId, Principal user) {
        return cases.read(caseId, user.getName());
    }

    /** The case's personal data, for its applicant and the officers who handle it (else 403); every read is recorded. */
    @GetMapping("/api/cases/{caseId}/personal-data")
    CasePersonalData personalData(@PathVariable String caseId, Principal user) {
        return personalData.read(caseId, user.getName(), "GET /api/cases/" + caseId + "/personal-data");
    }

    /** Every step in order with its chain evidence; signed decisions re-verified. */
    @GetMapping("/api/cases/{caseId}/audit")
    List<AuditEntry> audit(@PathVariable String caseId, Principal user) {
        access.requireReadable(caseId, user.getName());
        return audit.trail(caseId);
    }

    /** The case's engine records checked against the chain; 200 whether clean or not. */
    @GetMapping("/api/cases/{caseId}/verify")
    Verification verify(@PathVariable String caseId, Principal user) {
        access.requireReadable(caseId, user.getName());
        return verifier.verify(caseId);
    }

    /**
     * @param application the corrected fields (text, numbers, true/false): overwrite the case's variables
     * @param note optional words to the officer about what was corrected
     */
    record Corrections(@NotNull Map<String, Object> application, @Size(max = 2000) String note) {
    }

    /** The applicant resubmits corrected materials (补正) to a case waiting for them; 202 with the tasks opened. */
    @PostMapping("/api/cases/{caseId}/corrections")
    @ResponseStatus(HttpStatus.ACCEPTED)
    CaseMessages.Delivered corrections(@PathVariable String caseId, @Valid @RequestBody Corrections body, Principal user) {
        return messages.submitCorrections(caseId, body.application(), body.note(), user.getName());
    }

    /** @param reason what a person should look at again in the automated result */
    record ReviewRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    /** The applicant asks for human review of an automated result; 201 with the review task(s) opened. */
    @PostMapping("/api/cases/{caseId}/review-requests")
    @ResponseStatus(HttpStatus.CREATED)
    CaseMessages.Delivered reviewRequest(@PathVariable String caseId, @Valid @RequestBody ReviewRequest body, Principal user) {
        return messages.requestReview(caseId, body.reason(), user.getName());
    }
}
