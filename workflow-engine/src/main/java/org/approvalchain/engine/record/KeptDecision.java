package org.approvalchain.engine.record;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A signed human decision as the engine keeps it ({@code ac_decision}): the exact payload the
 * approver signed, its SM3, the signature and the key it verified with, the case-state document
 * the payload's {@code caseState} is the hash of, and, once on chain, the
 * {@code DecisionRegistry} transaction. Kept SIGNED before anything goes to the chain, so a crash
 * cannot lose it; RECORDED in the transaction that completes its task.
 *
 * @param decision as stored (APPROVE, REJECT, RETURN_FOR_CORRECTION); text, so that a verifier can
 *     report a tampered value instead of failing on it
 * @param publicKeyHex the approver's SM2 point, 0x-hex, as it verified the signature
 * @param caseState the case-state document's canonical JSON; null for a payload of format 1
 * @param state as stored ({@link State}); text, for the same reason as {@code decision}
 */
public record KeptDecision(String taskId, String caseId, String activityId, String approverId, String decision,
                           String reasons, String payload, String payloadSm3, String signatureBase64,
                           String publicKeyHex, String caseState, String state, String decisionTxHash,
                           Long decisionBlock, Instant signedAt, Instant recordedAt) {

    /** Kept but not yet on chain, or on chain with its task completed. */
    public enum State { SIGNED, RECORDED }

    /** A newly signed decision, not on chain yet. */
    public static KeptDecision signed(String taskId, String caseId, String activityId, String approverId, String decision,
                                      String reasons, String payload, String payloadSm3, String signatureBase64,
                                      String publicKeyHex, String caseState) {
        return new KeptDecision(taskId, caseId, activityId, approverId, decision, reasons, payload, payloadSm3,
                signatureBase64, publicKeyHex, caseState, State.SIGNED.name(), null, null,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), null);
    }

    /** Whether the record says the decision is on chain (state RECORDED). */
    public boolean recorded() {
        return State.RECORDED.name().equals(state);
    }
}
