package org.approvalchain.engine.api;

import java.security.Principal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.approvalchain.engine.process.DecidedTasks;
import org.approvalchain.engine.process.DecisionReceipt;
import org.approvalchain.engine.process.Decisions;
import org.approvalchain.engine.process.PayloadToSign;
import org.approvalchain.engine.process.PersonalData;
import org.approvalchain.engine.process.Tasks;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The approver's side: my open tasks and the tasks I decided; the exact payload to sign for a
 * decision, with the case state it covers in full (its personal fields recorded as read); the
 * signed decision, which is verified, recorded on chain and completes the task.
 */
@RestController
class TasksController {

    private final Tasks tasks;
    private final Decisions decisions;
    private final DecidedTasks decided;
    private final PersonalData personalData;

    TasksController(Tasks tasks, Decisions decisions, DecidedTasks decided, PersonalData personalData) {
        this.tasks = tasks;
        this.decisions = decisions;
        this.decided = decided;
        this.personalData = personalData;
    }

    @GetMapping("/api/tasks")
    List<Tasks.OpenTask> mine(Principal user) {
        return tasks.of(user.getName());
    }

    /** The tasks I decided (已办), with the decision I signed and whether it is on chain, newest first. */
    @GetMapping("/api/tasks/done")
    List<DecidedTasks.DecidedTask> done(Principal user) {
        return decided.by(user.getName());
    }

    /**
     * @param decision APPROVE, REJECT or RETURN_FOR_CORRECTION
     * @param reason the reasons, shown to the applicant and signed with the decision
     */
    @GetMapping("/api/tasks/{taskId}/decision-payload")
    PayloadToSign payload(@PathVariable String taskId, @RequestParam String decision,
                          @RequestParam(required = false, defaultValue = "") String reason, Principal user) {
        PayloadToSign payload = decisions.payloadFor(taskId, decision, reason, user.getName());
        personalData.recordShown(payload.caseState().caseId(), user.getName(), payload.caseState().application(),
                "GET /api/tasks/" + taskId + "/decision-payload");
        return payload;
    }

    /**
     * @param payload the payload exactly as fetched (UTF-8 JSON text)
     * @param signature SM3withSM2 (user id 1234567812345678) over the payload bytes, DER, base64
     */
    record SignedDecision(@NotBlank String payload, @NotBlank String signature) {
    }

    @PostMapping("/api/tasks/{taskId}/decision")
    DecisionReceipt decide(@PathVariable String taskId, @Valid @RequestBody SignedDecision body, Principal user) {
        return decisions.submit(taskId, body.payload(), body.signature(), user.getName());
    }
}
