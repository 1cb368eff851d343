package org.approvalchain.engine.api;

import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.approvalchain.engine.process.CaseMessages;
import org.approvalchain.engine.process.DecidedTasks;
import org.approvalchain.engine.process.DecisionStatus;
import org.approvalchain.engine.process.Decisions;
import org.approvalchain.engine.process.PayloadToSign;
import org.approvalchain.engine.process.PersonalData;
import org.approvalchain.engine.process.Tasks;
import org.approvalchain.engine.process.TimeLimitExtensions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The approver's side: my open tasks and the tasks I decided; the exact payload to sign for a
 * decision, with the case state it covers in full (its personal fields recorded as read); the
 * signed decision, which is verified, recorded on chain and completes the task; a request to extend
 * a task's time limit.
 */
@Tag(name = "Tasks and decisions")
@RestController
class TasksController {

    private final Tasks tasks;
    private final Decisions decisions;
    private final DecidedTasks decided;
    private final PersonalData personalData;
    private final TimeLimitExtensions extensions;

    TasksController(Tasks tasks, Decisions decisions, DecidedTasks decided, PersonalData personalData,
                    TimeLimitExtensions extensions) {
        this.tasks = tasks;
        this.decisions = decisions;
        this.decided = decided;
        this.personalData = personalData;
        this.extensions = extensions;
    }

    @Operation(summary = "List my open tasks",
            description = "The open tasks the signed-in user may work (assignee, candidate user or candidate "
                    + "group), each with case, process, step, received at, candidate groups, the step's statutory "
                    + "time limit and this case's deadline.")
    @GetMapping("/api/tasks")
    List<Tasks.OpenTask> mine(Principal user) {
        return tasks.of(user.getName());
    }

    /** The tasks I decided (已办), with the decision I signed and whether it is on chain, newest first. */
    @Operation(summary = "List the tasks I decided",
            description = "The tasks the signed-in user decided (已办), newest first: the decision signed and whether "
                    + "it is on chain.")
    @GetMapping("/api/tasks/done")
    List<DecidedTasks.DecidedTask> done(Principal user) {
        return decided.by(user.getName());
    }

    /**
     * @param decision APPROVE, REJECT or RETURN_FOR_CORRECTION
     * @param reason the reasons, shown to the applicant and signed with the decision
     */
    @Operation(summary = "Get the payload to sign",
            description = "The exact canonical payload to sign for the decision (docs/decision-payload.md), its "
                    + "SM3, and the case state it covers; the personal fields it shows are recorded as read.",
            parameters = {@Parameter(name = "decision", description = "APPROVE, REJECT or RETURN_FOR_CORRECTION", example = "APPROVE"),
                    @Parameter(name = "reason", description = "the reasons, shown to the applicant and signed with the "
                            + "decision; at most 2000 characters", example = "材料齐全"),
                    @Parameter(name = "score", description = "only for a task that scores items (a committee member's "
                            + "evaluation of a tender's bids): one per item, item=score, e.g. TB-2026-000123=85")})
    @Refusals({"TASK-001", "TASK-002", "TASK-005", "DECISION-002", "DECISION-009"})
    @GetMapping("/api/tasks/{taskId}/decision-payload")
    PayloadToSign payload(@PathVariable String taskId, @RequestParam String decision,
                          @RequestParam(required = false, defaultValue = "") String reason,
                          @RequestParam(required = false, defaultValue = "") List<String> score, Principal user) {
        PayloadToSign payload = decisions.payloadFor(taskId, decision, reason, scores(score), user.getName());
        personalData.recordShown(payload.caseState().caseId(), user.getName(), payload.caseState().application(),
                "GET /api/tasks/" + taskId + "/decision-payload");
        return payload;
    }

    /** {@code item=score} parameters as a map; 400 DECISION-009 for one that is not. */
    private static Map<String, Long> scores(List<String> parameters) {
        Map<String, Long> scores = new LinkedHashMap<>();
        for (String parameter : parameters) {
            int at = parameter.lastIndexOf('=');
            if (at < 1 || !parameter.substring(at + 1).matches("\\d{1,9}") || scores.put(parameter.substring(0, at),
                    Long.parseLong(parameter.substring(at + 1))) != null) {
                throw new IllegalArgumentException("DECISION-009 scores refused: '" + parameter
                        + "' is not item=score with a whole score, once per item");
            }
        }
        return scores;
    }

    /**
     * @param payload the payload exactly as fetched (UTF-8 JSON text)
     * @param signature SM3withSM2 (user id 1234567812345678) over the payload bytes, DER, base64
     */
    record SignedDecision(@NotBlank @Schema(example = "{\"activityId\":\"Activity_ReviewApplication\",…,\"v\":2}") String payload,
                          @NotBlank @Schema(example = "MEYCIQC…base64 DER SM3withSM2…") String signature) {
    }

    /**
     * 200 with the receipt once the decision is on chain, also for the same signed decision sent
     * again; 202 with the status ({@code Location}: {@link #status}) while it is still being recorded.
     */
    @Operation(summary = "Submit a signed decision",
            description = "The payload as fetched and the approver's SM2 signature over it: verified, recorded in "
                    + "DecisionRegistry and CaseLedger, and the task completes; 200 with the receipt (transactions "
                    + "and blocks). The same signed decision sent again answers the same receipt; while it is still "
                    + "being recorded, 202 with its status and `Location` to ask again.")
    @Refusals({"TASK-001", "TASK-002", "TASK-005", "DECISION-002", "DECISION-003", "DECISION-004", "DECISION-005", "DECISION-006",
            "DECISION-009", "API-503"})
    @PostMapping("/api/tasks/{taskId}/decision")
    ResponseEntity<?> decide(@PathVariable String taskId, @Valid @RequestBody SignedDecision body, Principal user) {
        DecisionStatus status = decisions.submit(taskId, body.payload(), body.signature(), user.getName());
        if (status.recorded()) {
            return ResponseEntity.ok(status.receipt());
        }
        return ResponseEntity.accepted().location(URI.create("/api/tasks/" + taskId + "/decision")).body(status);
    }

    /** @param reason why the case needs more time: shown to the head who decides the extension */
    record ExtensionRequest(@NotBlank @Size(max = 2000) @Schema(example = "经营范围涉及前置审批，需核实许可文件") String reason) {
    }

    /** The official who has the case asks for the extension the law allows; 201 with the task opened for the head. */
    @Operation(summary = "Ask for a time-limit extension",
            description = "The official who may work the task asks for the extension of its stage's time limit that "
                    + "the law allows with the head's approval (e.g. 市场主体登记管理条例 第十九条): the message "
                    + "`time-limit-extension-requested` opens the head's task; a signed APPROVE moves the deadline by "
                    + "the model's period (docs/working-days.md). 201 with the task it opened. One extension per stage.")
    @Refusals({"TASK-001", "TASK-002", "TASK-005", "EXTENSION-001", "EXTENSION-002", "EXTENSION-003"})
    @PostMapping("/api/tasks/{taskId}/extension-requests")
    @ResponseStatus(HttpStatus.CREATED)
    CaseMessages.Delivered extensionRequest(@PathVariable String taskId, @Valid @RequestBody ExtensionRequest body,
                                            Principal user) {
        return extensions.request(taskId, body.reason(), user.getName());
    }

    /** Where the decision I signed for the task stands: RECORDED with its receipt, or SIGNED while it is being recorded. */
    @Operation(summary = "Read where my decision stands",
            description = "The decision the signed-in user signed for the task: RECORDED with its receipt, or "
                    + "SIGNED while it is being recorded (the status link of a 202).")
    @Refusals({"DECISION-007", "DECISION-008"})
    @GetMapping("/api/tasks/{taskId}/decision")
    DecisionStatus status(@PathVariable String taskId, Principal user) {
        return decisions.status(taskId, user.getName());
    }
}
