package org.approvalchain.engine.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.approvalchain.engine.process.Approvers;
import org.approvalchain.engine.process.Incidents;
import org.approvalchain.engine.record.CaseRecord;
import org.approvalchain.engine.record.KeptDecision;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What administrators watch: the approvers (members of the processes' task groups), signed
 * decisions still waiting for the chain, and the engine's open incidents (resolved in Cockpit).
 */
@Tag(name = "Administration")
@RestController
@PreAuthorize("hasAuthority('GROUP_camunda-admin')")
class AdminController {

    private final Approvers approvers;
    private final CaseRecord record;
    private final Incidents incidents;

    AdminController(Approvers approvers, CaseRecord record, Incidents incidents) {
        this.approvers = approvers;
        this.record = record;
        this.incidents = incidents;
    }

    @Operation(summary = "List the approvers",
            description = "Administrators: the members of the processes' task groups.")
    @GetMapping("/api/admin/approvers")
    List<Approvers.Approver> approvers() {
        return approvers.all();
    }

    /** A decision kept SIGNED, not yet RECORDED on chain. */
    record WaitingDecision(String taskId, String caseId, String activityId, String approverId, String decision,
                           Instant signedAt) {
    }

    @Operation(summary = "List decisions waiting for the chain",
            description = "Administrators: signed decisions kept by the engine and not on chain yet (the recovery "
                    + "finishes them).")
    @GetMapping("/api/admin/decisions/waiting")
    List<WaitingDecision> waitingForChain() {
        return record.signedTaskIds().stream().flatMap(id -> record.decision(id).stream())
                .filter(d -> !d.recorded()).map(AdminController::waiting).toList();
    }

    private static WaitingDecision waiting(KeptDecision d) {
        return new WaitingDecision(d.taskId(), d.caseId(), d.activityId(), d.approverId(), d.decision(), d.signedAt());
    }

    @Operation(summary = "List open incidents",
            description = "Administrators: open incidents, newest first, with their case (resolved in Cockpit).")
    @GetMapping("/api/admin/incidents")
    List<Incidents.OpenIncident> incidents() {
        return incidents.open();
    }
}
