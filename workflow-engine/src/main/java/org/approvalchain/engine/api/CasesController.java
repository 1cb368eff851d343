package org.approvalchain.engine.api;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.approvalchain.engine.audit.AuditEntry;
import org.approvalchain.engine.audit.CaseAudit;
import org.approvalchain.engine.audit.CaseVerifier;
import org.approvalchain.engine.audit.Verification;
import org.approvalchain.engine.process.AgentStarts;
import org.approvalchain.engine.process.CaseAccess;
import org.approvalchain.engine.process.CaseMessages;
import org.approvalchain.engine.process.CasePersonalData;
import org.approvalchain.engine.process.CaseView;
import org.approvalchain.engine.process.Cases;
import org.approvalchain.engine.process.IdempotentStarts;
import org.approvalchain.engine.process.PersonalData;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starting a case of a process, reading a case with its chain evidence (and, for those who handle
 * it, its personal data), and the applicant's messages into a running case: corrections and a
 * request for human review.
 */
@Tag(name = "Cases")
@RestController
class CasesController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final Cases cases;
    private final IdempotentStarts starts;
    private final AgentStarts agentStarts;
    private final CaseMessages messages;
    private final CaseAudit audit;
    private final CaseVerifier verifier;
    private final CaseAccess access;
    private final PersonalData personalData;

    CasesController(Cases cases, IdempotentStarts starts, AgentStarts agentStarts, CaseMessages messages, CaseAudit audit, CaseVerifier verifier,
                    CaseAccess access, PersonalData personalData) {
        this.cases = cases;
        this.starts = starts;
        this.agentStarts = agentStarts;
        this.messages = messages;
        this.audit = audit;
        this.verifier = verifier;
        this.access = access;
        this.personalData = personalData;
    }

    /**
     * @param application the application's fields (text, numbers, true/false): become case variables
     * @param applicant the applicant's personal data: kept off chain and out of case views; only its SM3 hash is recorded
     * @param reusedLicences numbers of the applicant's licences the application reuses (证照复用); each becomes a material
     * @param onBehalfOf the applicant (user id) for whom an authorised agent starts the case (授权代办); absent for oneself
     */
    record StartCase(@NotNull @Schema(example = "{\"applicantAge\": 30, \"licenceType\": \"食品经营许可证\"}")
                     Map<String, Object> application,
                     @Schema(example = "{\"name\": \"张三\", \"idNumber\": \"110101199001011234\"}")
                     Map<String, Object> applicant,
                     @Schema(example = "[\"5b0c6f0e-2f1d-4a47-9d55-3c2b1f6f8a10\"]")
                     List<String> reusedLicences,
                     @Size(max = 255) @Schema(example = "zhang.wei") String onBehalfOf) {
    }

    record CaseStarted(@Schema(example = "5b0c6f0e-2f1d-4a47-9d55-3c2b1f6f8a10") String caseId) {
    }

    /**
     * 201 with the new case; with an {@code Idempotency-Key} that opened a case before, 200 with that
     * case ({@code Idempotent-Replayed: true}) and no new one.
     */
    @Operation(summary = "Start a case",
            description = "Starts a case of the latest version of the process. `application` holds the "
                    + "application's fields (text, numbers, true/false), which become case variables; `applicant` "
                    + "is personal data, kept off chain and out of case views (only its SM3 hash is recorded). "
                    + "`reusedLicences` lists the numbers of the applicant's licences the application reuses: each is "
                    + "checked on chain now (in force, held by this applicant, of a type the form fills from) and its "
                    + "hash becomes a material of the case (LICENCE-003 names each one refused and why). With "
                    + "an `Idempotency-Key` header a retried start answers the case the key opened (200, "
                    + "`Idempotent-Replayed: true`) and opens none. With `onBehalfOf` an agent starts the case for that "
                    + "applicant, only while an authorisation the applicant signed covers the process on chain now "
                    + "(PROXY-001..004 name why not); the applicant is the case's applicant.",
            parameters = {@Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, description = "a key of the client's "
                    + "choosing (a UUID) for this start: sent again with the same request, it answers the case it "
                    + "opened")})
    @Refusals({"API-404", "CASE-001", "CASE-002", "CASE-003", "CASE-004", "LICENCE-003", "PROXY-001", "PROXY-002", "PROXY-003",
            "PROXY-004", "API-503"})
    @PostMapping("/api/processes/{processKey}/cases")
    ResponseEntity<CaseStarted> start(@PathVariable String processKey,
                                      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                      @Valid @RequestBody StartCase request, Principal user) {
        Map<String, Object> applicant = request.applicant() == null ? Map.of() : request.applicant();
        List<String> reused = request.reusedLicences() == null ? List.of() : request.reusedLicences();
        IdempotentStarts.StartedCase started = request.onBehalfOf() == null || request.onBehalfOf().equals(user.getName())
                ? starts.start(processKey, request.application(), applicant, reused, user.getName(), idempotencyKey, Map.of())
                : agentStarts.start(processKey, request.application(), applicant, reused, user.getName(),
                        request.onBehalfOf(), idempotencyKey);
        return ResponseEntity.status(started.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/cases/" + started.caseId()))
                .header(REPLAYED, String.valueOf(started.replayed()))
                .body(new CaseStarted(started.caseId()));
    }

    /** The case without its personal data, for its applicant, the officers of its process, legal reviewers and administrators (else 403). */
    @Operation(summary = "Read a case",
            description = "The case's state (and the end event an ended case reached), its non-personal variables, "
                    + "open tasks, the messages it waits for and every step with its chain evidence; for its "
                    + "applicant, the officers of its process, legal reviewers and administrators.")
    @Refusals({"API-403", "API-404"})
    @GetMapping("/api/cases/{caseId}")
    CaseView get(@PathVariable String caseId, Principal user) {
        return cases.read(caseId, user.getName());
    }

    /** The case's personal data, for its applicant and the officers who handle it (else 403); every read is recorded. */
    @Operation(summary = "Read a case's personal data",
            description = "The applicant's data and the application fields the process declares personal, for the "
                    + "applicant and the officers who handle the case; every read is recorded (who, when, which "
                    + "fields, this endpoint).")
    @Refusals({"API-403", "API-404"})
    @GetMapping("/api/cases/{caseId}/personal-data")
    CasePersonalData personalData(@PathVariable String caseId, Principal user) {
        return personalData.read(caseId, user.getName(), "GET /api/cases/" + caseId + "/personal-data");
    }

    /** Every step in order with its chain evidence; signed decisions re-verified. */
    @Operation(summary = "Read a case's audit trail",
            description = "Every step in order: automatic steps with contract, address, code hash, function, inputs "
                    + "hash, result, rule version, transaction and block; manual steps with approver, decision, "
                    + "reasons, signature (verified again now), transaction and block.")
    @Refusals({"API-403", "API-404"})
    @GetMapping("/api/cases/{caseId}/audit")
    List<AuditEntry> audit(@PathVariable String caseId, Principal user) {
        access.requireReadable(caseId, user.getName());
        return audit.trail(caseId);
    }

    /** The case's engine records checked against the chain; 200 whether clean or not. */
    @Operation(summary = "Verify a case against the chain",
            description = "The engine's records of the case checked against the chain and the engine's history: "
                    + "`clean`, and each finding (MISSING, ALTERED, EXTRA, REORDERED, INVALID_SIGNATURE, "
                    + "INVALID_KEY, EARLY) with subject, field and both values. 200 whether clean or not.")
    @Refusals({"API-403", "API-404", "API-503"})
    @GetMapping("/api/cases/{caseId}/verify")
    Verification verify(@PathVariable String caseId, Principal user) {
        access.requireReadable(caseId, user.getName());
        return verifier.verify(caseId);
    }

    /**
     * @param application the corrected fields (text, numbers, true/false): overwrite the case's variables
     * @param note optional words to the officer about what was corrected
     */
    record Corrections(@NotNull @Schema(example = "{\"floorArea\": 120}") Map<String, Object> application,
                       @Size(max = 2000) @Schema(example = "已补充经营场所平面图") String note) {
    }

    /** The applicant resubmits corrected materials (补正) to a case waiting for them; 202 with the tasks opened. */
    @Operation(summary = "Submit corrections",
            description = "The applicant resubmits corrected materials (补正) to a case waiting for them: the fields "
                    + "overwrite the case's variables and the message `corrections-submitted` moves the case on, "
                    + "once the corrections are anchored on chain (`DocumentEvidence`, type `case-corrections`). "
                    + "202 with the tasks it opened; 503 when the chain does not take the anchor.")
    @Refusals({"API-403", "API-404", "API-409", "API-503"})
    @PostMapping("/api/cases/{caseId}/corrections")
    @ResponseStatus(HttpStatus.ACCEPTED)
    CaseMessages.Delivered corrections(@PathVariable String caseId, @Valid @RequestBody Corrections body, Principal user) {
        return messages.submitCorrections(caseId, body.application(), body.note(), user.getName());
    }

    /** @param reason what a person should look at again in the automated result */
    record ReviewRequest(@NotBlank @Size(max = 2000) @Schema(example = "我的从业年限应为五年，请人工复核") String reason) {
    }

    /** The applicant asks for human review of an automated result; 201 with the review task(s) opened. */
    @Operation(summary = "Request human review",
            description = "The applicant asks for human review of an automated result (PIPL art. 24(3), GDPR art. "
                    + "22): the message `review-requested` opens a manual review task. 201 with the task(s) it "
                    + "opened.")
    @Refusals({"API-403", "API-404", "API-409"})
    @PostMapping("/api/cases/{caseId}/review-requests")
    @ResponseStatus(HttpStatus.CREATED)
    CaseMessages.Delivered reviewRequest(@PathVariable String caseId, @Valid @RequestBody ReviewRequest body, Principal user) {
        return messages.requestReview(caseId, body.reason(), user.getName());
    }

    /** @param reason what the department should review, in the supervisor's words */
    record SupervisionQuery(@NotBlank @Size(max = 2000) @Schema(example = "第二期发放对象与批准对象是否一致？请复核") String reason) {
    }

    /** A supervisor of the case's process raises a query; 201 with the review task(s) it opened. */
    @Operation(summary = "Raise a supervisor's query",
            description = "A member of a group the case's process names as its supervisors (auditors, who read every "
                    + "case of the process but decide none) raises a query: the message `supervision-query` opens a "
                    + "review task in the case. 201 with the task(s) it opened.")
    @Refusals({"API-403", "API-404", "API-409"})
    @PostMapping("/api/cases/{caseId}/supervision-queries")
    @ResponseStatus(HttpStatus.CREATED)
    CaseMessages.Delivered supervisionQuery(@PathVariable String caseId, @Valid @RequestBody SupervisionQuery body,
                                            Principal user) {
        return messages.raiseQuery(caseId, body.reason(), user.getName());
    }
}
