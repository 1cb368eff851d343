package org.approvalchain.engine.keys;

import java.time.Instant;

import org.approvalchain.engine.signing.ApproverKey;

/**
 * A key as the chain registered it for an approver, number {@code index} in registration order.
 *
 * @param validUntil null while the key is valid
 * @param registeredAt chain time of the registering block
 * @param revokedBy null unless the key was revoked (rather than replaced by a newer one)
 * @param proven whether the proof of possession kept on chain verifies: the challenge names this
 *        approver and this key, and the signature over it verifies with the key
 */
public record RegisteredKey(String approverId, long index, ApproverKey key, Instant validFrom, Instant validUntil,
                            Instant registeredAt, String approvedBy, String confirmedBy, String revokedBy,
                            boolean proven) {

    /** Whether the key was valid at {@code time}: from {@code validFrom}, and before {@code validUntil} if set. */
    public boolean validAt(Instant time) {
        return !time.isBefore(validFrom) && (validUntil == null || time.isBefore(validUntil));
    }
}
