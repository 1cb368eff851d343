package org.approvalchain.engine.api;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.approvalchain.engine.chain.DocumentChecks;
import org.approvalchain.engine.chain.DocumentChecks.DocumentCheck;
import org.approvalchain.engine.identity.UserDirectory;
import org.approvalchain.engine.process.CaseAccess;
import org.approvalchain.engine.process.CaseDiagram;
import org.approvalchain.engine.record.CaseRecord;
import org.approvalchain.engine.record.KeptDecision;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the case page shows beside the case itself, for those who may read the case: its diagram
 * with the path taken, its materials as the chain knows them, and its signed decisions.
 */
@Tag(name = "Cases")
@RestController
class CaseDetailsController {

    private static final String DOCUMENT_EVIDENCE = "DocumentEvidence";

    private final CaseAccess access;
    private final CaseDiagram diagrams;
    private final CaseRecord record;
    private final DocumentChecks documents;
    private final UserDirectory users;

    CaseDetailsController(CaseAccess access, CaseDiagram diagrams, CaseRecord record, DocumentChecks documents,
                          UserDirectory users) {
        this.access = access;
        this.diagrams = diagrams;
        this.record = record;
        this.documents = documents;
        this.users = users;
    }

    /** The BPMN XML of the case's process version and every activity the case entered, in order. */
    @Operation(summary = "Read a case's diagram",
            description = "The BPMN XML of the case's process version and every activity the case entered, in order "
                    + "(`current` while it is there).")
    @Refusals({"API-403", "API-404"})
    @GetMapping("/api/cases/{caseId}/diagram")
    CaseDiagram.Diagram diagram(@PathVariable String caseId, Principal user) {
        return diagrams.of(caseId, user.getName());
    }

    /** A material the case's steps checked against {@code DocumentEvidence}, with the step that checked it. */
    record Material(String activityId, String activityName, DocumentCheck check) {
    }

    @Operation(summary = "Read a case's materials",
            description = "The documents the case's steps checked in DocumentEvidence: evidence hash, valid when "
                    + "checked, anchored or revoked now, the check's transaction and block.")
    @Refusals({"API-403", "API-404"})
    @GetMapping("/api/cases/{caseId}/materials")
    List<Material> materials(@PathVariable String caseId, Principal user) {
        access.requireReadable(caseId, user.getName());
        return record.steps(caseId).stream()
                .filter(s -> DOCUMENT_EVIDENCE.equals(s.contract()) && s.callTxHash() != null)
                .flatMap(s -> documents.checkedIn(s.callTxHash()).stream()
                        .map(c -> new Material(s.activityId(), s.activityName(), c)))
                .toList();
    }

    /** A signed decision as the case page shows it: who, what, why, when, and its place on chain. */
    record Decision(String taskId, String activityId, String approverId, String approverName, String decision,
                    String reasons, String state, Instant signedAt, Instant recordedAt, String decisionTxHash,
                    Long decisionBlock) {

        static Decision of(KeptDecision d, UserDirectory users) {
            return new Decision(d.taskId(), d.activityId(), d.approverId(), users.displayName(d.approverId()),
                    d.decision(), d.reasons(), d.state(), d.signedAt(), d.recordedAt(), d.decisionTxHash(),
                    d.decisionBlock());
        }
    }

    @Operation(summary = "Read a case's signed decisions",
            description = "Approver, decision, reasons, signed at, and RECORDED with transaction and block, or "
                    + "SIGNED while on its way to the chain.")
    @Refusals({"API-403", "API-404"})
    @GetMapping("/api/cases/{caseId}/decisions")
    List<Decision> decisions(@PathVariable String caseId, Principal user) {
        access.requireReadable(caseId, user.getName());
        return record.decisions(caseId).stream().map(d -> Decision.of(d, users)).toList();
    }
}
