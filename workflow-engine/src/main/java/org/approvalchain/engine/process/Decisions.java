package org.approvalchain.engine.process;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.approvalchain.engine.record.KeptDecision;
import org.approvalchain.engine.signing.ApproverKeys;
import org.approvalchain.engine.signing.CaseStateDocument;
import org.approvalchain.engine.signing.Decision;
import org.approvalchain.engine.signing.DecisionPayload;
import org.approvalchain.engine.signing.DecisionSignatureVerifier;
import org.approvalchain.engine.signing.InvalidDecisionPayloadException;
import org.approvalchain.engine.signing.SignatureRejectedException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Signed human decisions. The approver fetches the canonical payload of a task, signs it with
 * their own SM2 key, and submits payload and signature. The engine checks that the payload is
 * exactly this task's, that the case has not changed since it was issued (its {@code caseState},
 * see {@link CaseStates}), that it is fresh, and signed by the approver's registered key, then
 * records it with its case-state document (see {@link DecisionRecorder}): kept first, then on
 * chain, then the task completes.
 */
@Service
public class Decisions {

    /** The most characters of reasons a decision carries (the case keeps them as one of its variables). */
    static final int MAX_REASONS = 2000;

    private final TaskAccess access;
    private final CaseStates caseStates;
    private final DeployedDefinitions definitions;
    private final DecisionSignatureVerifier verifier;
    private final DecisionRecorder recorder;
    private final CommitteeScores committee;

    Decisions(TaskAccess access, CaseStates caseStates, DeployedDefinitions definitions, ApproverKeys keys,
              DecisionRecorder recorder, CommitteeScores committee) {
        this.committee = committee;
        this.access = access;
        this.caseStates = caseStates;
        this.definitions = definitions;
        this.verifier = new DecisionSignatureVerifier(keys);
        this.recorder = recorder;
    }

    /**
     * The payload {@code userId} must sign to take {@code decision} on the task, with the case state it
     * covers; {@code scores} (item to score) only for a task that scores items, see {@link CommitteeScores}.
     */
    public PayloadToSign payloadFor(String taskId, String decision, String reasons, Map<String, Long> scores, String userId) {
        if (reasons != null && reasons.length() > MAX_REASONS) {
            throw new CaseException(CaseException.Kind.INVALID, "reason: at most " + MAX_REASONS + " characters, is "
                    + reasons.length());
        }
        Task task = access.workable(taskId, userId);
        CaseStateDocument state = caseStates.issue(task);
        DecisionPayload payload = payload(task, state, state.sm3Hex(), parseDecision(decision),
                reasons == null ? "" : reasons, Instant.now().truncatedTo(ChronoUnit.MILLIS), scores);
        return new PayloadToSign(new String(payload.canonicalBytes(), StandardCharsets.UTF_8), payload.sm3Hex(), state);
    }

    /**
     * Verifies and records a signed decision, then completes the task. The payload is parsed once,
     * here. The same signed decision submitted again by its approver (a retry) is answered with its
     * status: the same receipt once it is on chain.
     */
    public DecisionStatus submit(String taskId, String payloadText, String signatureBase64, String userId) {
        Optional<DecisionStatus> again = recorder.resubmitted(taskId, payloadText, signatureBase64, userId);
        if (again.isPresent()) {
            return again.get();
        }
        Task task = access.workable(taskId, userId);
        DecisionPayload payload;
        try {
            payload = DecisionPayload.parse(payloadText.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidDecisionPayloadException e) {
            throw new CaseException(CaseException.Kind.INVALID, "DECISION-002 payload refused: " + e.getMessage());
        }
        CaseStateDocument state = caseStates.now(task);
        requireFor(task, state, payload);
        try {
            return recorder.record(verifier.verify(userId, payload, signatureBase64), state.canonicalText());
        } catch (SignatureRejectedException e) {
            throw new CaseException(CaseException.Kind.INVALID, "DECISION-003 signature refused (" + e.reason() + "): " + e.getMessage());
        }
    }

    /** Where the decision {@code userId} signed for the task stands; 404 when none is kept, 403 for another approver's. */
    public DecisionStatus status(String taskId, String userId) {
        KeptDecision kept = recorder.kept(taskId).orElseThrow(() -> new CaseException(CaseException.Kind.NOT_FOUND,
                "DECISION-007 no signed decision is kept for task " + taskId));
        if (!kept.approverId().equals(userId)) {
            throw new CaseException(CaseException.Kind.FORBIDDEN, "DECISION-008 the decision of task " + taskId
                    + " was signed by another user");
        }
        return recorder.status(kept);
    }

    private void requireFor(Task task, CaseStateDocument state, DecisionPayload payload) {
        if (payload.version() != DecisionPayload.FORMAT_VERSION) {
            throw new CaseException(CaseException.Kind.INVALID, "DECISION-002 payload format v=" + payload.version() + " has no "
                    + "caseState and is no longer accepted for new decisions: fetch a fresh payload (v="
                    + DecisionPayload.FORMAT_VERSION + ")");
        }
        if (payload.reasons() != null && payload.reasons().length() > MAX_REASONS) {
            throw new CaseException(CaseException.Kind.INVALID, "DECISION-002 payload refused: its reasons are "
                    + payload.reasons().length() + " characters, at most " + MAX_REASONS + " are taken");
        }
        DecisionPayload expected = payload(task, state, payload.caseState(), payload.decision(), payload.reasons(),
                payload.issuedAt(), payload.scores());
        if (!expected.equals(payload)) {
            throw new CaseException(CaseException.Kind.INVALID, "DECISION-002 payload is not for this task as it stands: expected case "
                    + expected.caseId() + ", task " + expected.taskId() + ", activity " + expected.activityId() + ", process "
                    + expected.processDefinitionId() + " v" + expected.processVersion() + ", material hashes "
                    + expected.materialHashes());
        }
        if (!payload.caseState().equals(state.sm3Hex())) {
            throw new CaseException(CaseException.Kind.CONFLICT, "DECISION-004 the case changed since the payload was issued: "
                    + caseStates.changesSince(payload.caseState(), state) + "; fetch a fresh payload");
        }
        Instant now = Instant.now();
        if (payload.issuedAt().isBefore(now.minus(DecisionPayload.VALIDITY))
                || payload.issuedAt().isAfter(now.plus(DecisionPayload.CLOCK_SKEW))) {
            throw new CaseException(CaseException.Kind.INVALID, "DECISION-005 payload issued at " + payload.issuedAt()
                    + " is stale or from the future: fetch a fresh one (valid " + DecisionPayload.VALIDITY.toMinutes() + " minutes)");
        }
    }

    /** The payload for the task on the case as {@code state} has it, carrying {@code caseState}. */
    private DecisionPayload payload(Task task, CaseStateDocument state, String caseState, Decision decision, String reasons,
                                    Instant issuedAt, Map<String, Long> scores) {
        return new DecisionPayload(state.caseId(), task.getId(), task.getTaskDefinitionKey(), task.getProcessDefinitionId(),
                definitions.version(task.getProcessDefinitionId()), decision, reasons, state.materialHashes(), caseState,
                issuedAt, committee.required(task, scores, state.caseId()));
    }

    private static Decision parseDecision(String decision) {
        try {
            return Decision.valueOf(decision == null ? "" : decision.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CaseException(CaseException.Kind.INVALID, "DECISION-002 decision '" + decision
                    + "' is not one of APPROVE, REJECT, RETURN_FOR_CORRECTION");
        }
    }
}
