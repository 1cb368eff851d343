package org.approvalchain.engine.audit;

import static org.approvalchain.engine.audit.CaseVerifier.differs;
import static org.approvalchain.engine.audit.CaseVerifier.hex;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.approvalchain.contracts.DecisionRegistryContract.DecisionRecord;
import org.approvalchain.engine.audit.Verification.Finding;
import org.approvalchain.engine.audit.Verification.Kind;
import org.approvalchain.engine.record.KeptDecision;
import org.approvalchain.engine.signing.ApproverKey;
import org.approvalchain.engine.signing.DecisionPayload;
import org.approvalchain.engine.signing.DecisionSignatureVerifier;
import org.web3j.utils.Numeric;

/**
 * One kept decision against its record in {@code DecisionRegistry}: the state it is kept in, the
 * same payload hash, signature, approver, decision and key on chain; and on its own, the kept payload hashing to its
 * SM3 and stating the kept case, task, activity and reasons, and the kept signature verifying over the kept payload. The one
 * place a kept decision is re-verified (the audit trail asks it too).
 */
final class DecisionCheck {

    private DecisionCheck() {
    }

    /** Differences between the kept decision and the chain's record of it (empty: none missing). */
    static List<Finding> againstChain(KeptDecision kept, Optional<DecisionRecord> onChain) {
        String taskId = kept.taskId();
        List<Finding> findings = new ArrayList<>();
        if (onChain.isEmpty()) {
            findings.add(new Finding(Kind.MISSING, taskId, "decision", kept.decision() + " by " + kept.approverId()
                    + ", payload " + kept.payloadSm3(), null));
            return findings;
        }
        DecisionRecord chain = onChain.get();
        differs(taskId, "payload_sm3", hex(kept.payloadSm3()), Numeric.toHexString(chain.payloadHash()), findings);
        differs(taskId, "signature", kept.signatureBase64(), Base64.getEncoder().encodeToString(chain.signature()), findings);
        differs(taskId, "approver_id", kept.approverId(), chain.approverId(), findings);
        differs(taskId, "decision", kept.decision(), chain.decision().name(), findings);
        differs(taskId, "public_key", pointHex(kept.publicKeyHex()), Numeric.toHexString(chain.approverPublicKey()), findings);
        return findings;
    }

    /**
     * The kept state against the chain: RECORDED once {@code DecisionRegistry} holds the decision and
     * its task completed; SIGNED while it is on its way (not on chain yet, or on chain with its task
     * still open). Reports any other state. Returns whether the decision is recorded, by the record or
     * by the chain, and so is to be checked against both.
     */
    static boolean checkState(KeptDecision kept, Optional<DecisionRecord> onChain, boolean taskCompleted,
                              List<Finding> findings) {
        if (kept.recorded()) {
            return true;
        }
        boolean onItsWay = KeptDecision.State.SIGNED.name().equals(kept.state()) && !(onChain.isPresent() && taskCompleted);
        if (onItsWay) {
            return false;
        }
        findings.add(new Finding(Kind.ALTERED, kept.taskId(), "state", kept.state(), onChain.isPresent()
                ? "RECORDED in DecisionRegistry" + (taskCompleted ? ", task completed" : "") : "not in DecisionRegistry"));
        return onChain.isPresent();
    }

    /**
     * What is wrong with the kept decision in itself: its payload, the case, task, activity and reasons
     * the payload states, its signature (empty: it verifies).
     */
    static List<Finding> inItself(KeptDecision kept) {
        String taskId = kept.taskId();
        List<Finding> findings = new ArrayList<>();
        byte[] bytes = kept.payload() == null ? new byte[0] : kept.payload().getBytes(StandardCharsets.UTF_8);
        try {
            DecisionPayload payload = DecisionPayload.parse(bytes);
            differs(taskId, "payload", hex(kept.payloadSm3()), payload.sm3Hex(), findings);
            differs(taskId, "case_id", kept.caseId(), payload.caseId(), findings);
            differs(taskId, "task_id", kept.taskId(), payload.taskId(), findings);
            differs(taskId, "activity_id", kept.activityId(), payload.activityId(), findings);
            String reasons = kept.reasons() == null ? "" : kept.reasons();
            if (!reasons.equals(payload.reasons())) {
                findings.add(new Finding(Kind.ALTERED, taskId, "reasons", reasons, payload.reasons()));
            }
        } catch (RuntimeException notCanonical) {
            findings.add(new Finding(Kind.ALTERED, taskId, "payload", kept.payload(), notCanonical.getMessage()));
        }
        try {
            DecisionSignatureVerifier.verifySignature(ApproverKey.fromPointHex(kept.publicKeyHex()), bytes,
                    kept.signatureBase64());
        } catch (RuntimeException doesNotVerify) {
            findings.add(new Finding(Kind.INVALID_SIGNATURE, taskId, "signature", kept.signatureBase64(),
                    doesNotVerify.getMessage()));
        }
        return findings;
    }

    /**
     * The kept times against the signed payload's {@code issued} and the chain's time of the record:
     * a decision is kept when it is submitted, within {@link DecisionPayload#VALIDITY} of its payload's
     * issue and before the chain records it, and marked recorded after that. Each allows the clocks
     * {@link DecisionPayload#CLOCK_SKEW} apart.
     */
    static List<Finding> times(KeptDecision kept, Instant issued, DecisionRecord onChain) {
        List<Finding> findings = new ArrayList<>();
        Instant chain = Instant.ofEpochMilli(onChain.recordedAt());
        Instant signed = kept.signedAt();
        Instant latestSigned = earlier(issued.plus(DecisionPayload.VALIDITY), chain);
        if (signed == null || earlierThan(signed, issued) || earlierThan(latestSigned, signed)) {
            findings.add(new Finding(Kind.ALTERED, kept.taskId(), "signed_at", String.valueOf(signed),
                    "payload issued " + issued + ", on chain " + chain));
        }
        if (kept.recordedAt() == null || earlierThan(kept.recordedAt(), chain)
                || signed != null && earlierThan(kept.recordedAt(), signed)) {
            findings.add(new Finding(Kind.ALTERED, kept.taskId(), "recorded_at", String.valueOf(kept.recordedAt()),
                    "on chain " + chain));
        }
        return findings;
    }

    /** Whether {@code time} is before {@code bound} by more than the clocks of the engine's nodes and the chain may be apart. */
    static boolean earlierThan(Instant time, Instant bound) {
        return time.isBefore(bound.minus(DecisionPayload.CLOCK_SKEW));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** When the approver signed: the kept payload's {@code issuedAt}, or the chain's time of the record if it is unreadable. */
    static Instant issuedAt(KeptDecision kept, DecisionRecord onChain) {
        try {
            return DecisionPayload.parse(kept.payload().getBytes(StandardCharsets.UTF_8)).issuedAt();
        } catch (RuntimeException unreadable) {
            return Instant.ofEpochMilli(onChain.recordedAt());
        }
    }

    private static String pointHex(String hex) {
        try {
            return ApproverKey.fromPointHex(hex).pointHex();
        } catch (RuntimeException notAKey) {
            return hex;
        }
    }
}
