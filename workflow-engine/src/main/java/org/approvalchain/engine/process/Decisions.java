package org.approvalchain.engine.process;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.approvalchain.engine.signing.ApproverKeys;
import org.approvalchain.engine.signing.Decision;
import org.approvalchain.engine.signing.DecisionPayload;
import org.approvalchain.engine.signing.DecisionSignatureVerifier;
import org.approvalchain.engine.signing.InvalidDecisionPayloadException;
import org.approvalchain.engine.signing.SignatureRejectedException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Signed human decisions. The approver fetches the canonical payload of a task, signs it with
 * their own SM2 key, and submits payload and signature. The engine checks that the payload is
 * exactly this task's, fresh, and signed by the approver's registered key, then records it (see
 * {@link DecisionRecorder}): kept first, then on chain, then the task completes.
 */
@Service
public class Decisions {

    /** How long a payload may wait between issue and submission. */
    static final Duration PAYLOAD_VALIDITY = Duration.ofMinutes(15);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final TaskAccess access;
    private final RuntimeService runtime;
    private final DeployedDefinitions definitions;
    private final DecisionSignatureVerifier verifier;
    private final DecisionRecorder recorder;

    Decisions(TaskAccess access, RuntimeService runtime, DeployedDefinitions definitions, ApproverKeys keys,
              DecisionRecorder recorder) {
        this.access = access;
        this.runtime = runtime;
        this.definitions = definitions;
        this.verifier = new DecisionSignatureVerifier(keys);
        this.recorder = recorder;
    }

    /** The payload {@code userId} must sign to take {@code decision} on the task. */
    public PayloadToSign payloadFor(String taskId, String decision, String reasons, String userId) {
        DecisionPayload payload = expected(access.workable(taskId, userId), parseDecision(decision),
                reasons == null ? "" : reasons, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return new PayloadToSign(new String(payload.canonicalBytes(), StandardCharsets.UTF_8), payload.sm3Hex());
    }

    /** Verifies and records a signed decision, then completes the task. The payload is parsed once, here. */
    public DecisionReceipt submit(String taskId, String payloadText, String signatureBase64, String userId) {
        Task task = access.workable(taskId, userId);
        DecisionPayload payload;
        try {
            payload = DecisionPayload.parse(payloadText.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidDecisionPayloadException e) {
            throw new CaseException(CaseException.Kind.INVALID, "payload refused: " + e.getMessage());
        }
        requireFor(task, payload);
        try {
            return recorder.record(verifier.verify(userId, payload, signatureBase64));
        } catch (SignatureRejectedException e) {
            throw new CaseException(CaseException.Kind.INVALID, "signature refused (" + e.reason() + "): " + e.getMessage());
        }
    }

    private void requireFor(Task task, DecisionPayload payload) {
        DecisionPayload expected = expected(task, payload.decision(), payload.reasons(), payload.issuedAt());
        if (!expected.equals(payload)) {
            throw new CaseException(CaseException.Kind.INVALID, "payload is not for this task as it stands: expected case "
                    + expected.caseId() + ", task " + expected.taskId() + ", activity " + expected.activityId() + ", process "
                    + expected.processDefinitionId() + " v" + expected.processVersion() + ", material hashes "
                    + expected.materialHashes());
        }
        Instant now = Instant.now();
        if (payload.issuedAt().isBefore(now.minus(PAYLOAD_VALIDITY)) || payload.issuedAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw new CaseException(CaseException.Kind.INVALID, "payload issued at " + payload.issuedAt()
                    + " is stale or from the future: fetch a fresh one (valid " + PAYLOAD_VALIDITY.toMinutes() + " minutes)");
        }
    }

    private DecisionPayload expected(Task task, Decision decision, String reasons, Instant issuedAt) {
        String caseId = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
                .getBusinessKey();
        int version = definitions.version(task.getProcessDefinitionId());
        return new DecisionPayload(caseId, task.getId(), task.getTaskDefinitionKey(), task.getProcessDefinitionId(),
                version, decision, reasons, materialHashes(task), issuedAt);
    }

    @SuppressWarnings("unchecked")
    private List<String> materialHashes(Task task) {
        Object hashes = runtime.getVariable(task.getExecutionId(), "materialHashes");
        return hashes instanceof List<?> list ? ((List<String>) list).stream().sorted().distinct().toList() : List.of();
    }

    private static Decision parseDecision(String decision) {
        try {
            return Decision.valueOf(decision == null ? "" : decision.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CaseException(CaseException.Kind.INVALID, "decision '" + decision
                    + "' is not one of APPROVE, REJECT, RETURN_FOR_CORRECTION");
        }
    }
}
