package org.approvalchain.engine.keys;

import java.time.Instant;

/**
 * One key enrolment as it stands: the approver's key, the challenge they must sign with it, and
 * how far it went. {@code CHALLENGED} (challenge issued) → {@code REQUESTED} (proof of possession
 * verified) → {@code APPROVED} (by one administrator) → {@code REGISTERED} (by a second, different
 * one: the key is on chain, number {@code keyIndex} of the approver's keys); or {@code REJECTED}.
 *
 * @param challenge the exact text the approver signs (canonical JSON)
 */
public record KeyEnrolment(long id, String approverId, String fingerprint, String publicKey, String challenge,
                           State state, Instant createdAt, String approvedBy, String confirmedBy, String rejectedBy,
                           String rejectionReason, Long keyIndex) {

    /** How far an enrolment went. */
    public enum State { CHALLENGED, REQUESTED, APPROVED, REGISTERED, REJECTED }
}
