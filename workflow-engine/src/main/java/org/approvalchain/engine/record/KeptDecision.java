package org.approvalchain.engine.record;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A signed human decision as the engine keeps it ({@code ac_decision}): the exact payload the
 * approver signed, its SM3, the signature and the key it verified with, and, once on chain, the
 * {@code DecisionRegistry} transaction. Kept SIGNED before anything goes to the chain, so a crash
 * cannot lose it; RECORDED in the transaction that completes its task.
 *
 * @param decision as stored (APPROVE, REJECT, RETURN_FOR_CORRECTION); text, so that a verifier can
 *     report a tampered value instead of failing on it
 * @param publicKeyHex the approver's SM2 point, 0x-hex, as it verified the signature
 */
public record KeptDecision(String taskId, String caseId, String activityId, String approverId, String decision,
                           String reasons, String payload, String payloadSm3, String signatureBase64,
                           String publicKeyHex, State state, String decisionTxHash, Long decisionBlock,
                           Instant signedAt, Instant recordedAt) {

    /** Kept but not yet on chain, or on chain with its task completed. */
    public enum State { SIGNED, RECORDED }

    /** A newly signed decision, not on chain yet. */
    public static KeptDecision signed(String taskId, String caseId, String activityId, String approverId, String decision,
                                      String reasons, String payload, String payloadSm3, String signatureBase64,
                                      String publicKeyHex) {
        return new KeptDecision(taskId, caseId, activityId, approverId, decision, reasons, payload, payloadSm3,
                signatureBase64, publicKeyHex, State.SIGNED, null, null, Instant.now().truncatedTo(ChronoUnit.MILLIS), null);
    }
}
