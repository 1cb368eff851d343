package org.approvalchain.engine.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.approvalchain.contracts.DecisionRegistryContract.DecisionRecord;
import org.approvalchain.engine.audit.Verification.Finding;
import org.approvalchain.engine.audit.Verification.Kind;
import org.approvalchain.engine.keys.RegisteredKey;
import org.approvalchain.engine.signing.ApproverKey;

/**
 * The key of a decision on chain against the approver's key registrations on chain: registered for
 * that approver, with a proof of possession that verifies, registered before the decision was
 * recorded, and valid when the payload was issued. Each failure is an {@code INVALID_KEY} finding.
 */
final class KeyCheck {

    private KeyCheck() {
    }

    /** What is wrong with the key {@code decision} was signed with (empty: it was the approver's valid key). */
    static List<Finding> check(String taskId, DecisionRecord decision, Instant issuedAt, List<RegisteredKey> registrations) {
        ApproverKey used;
        try {
            used = ApproverKey.fromEncodedPoint(decision.approverPublicKey());
        } catch (RuntimeException notAKey) {
            return List.of(new Finding(Kind.INVALID_KEY, taskId, "key", null, notAKey.getMessage()));
        }
        Optional<RegisteredKey> registered = registrations.stream().filter(k -> k.key().equals(used)).findFirst();
        if (registered.isEmpty()) {
            return List.of(new Finding(Kind.INVALID_KEY, taskId, "key_registration", "key " + used.fingerprint() + " of "
                    + decision.approverId(), "not registered for " + decision.approverId() + " in ApproverKeyRegistry"));
        }
        RegisteredKey key = registered.get();
        String subject = "key " + used.fingerprint() + " (#" + key.index() + " of " + decision.approverId() + ")";
        if (!key.proven()) {
            return List.of(new Finding(Kind.INVALID_KEY, taskId, "key_proof", subject,
                    "no valid proof of possession: the challenge kept on chain does not name this approver and key, "
                            + "or the signature over it does not verify"));
        }
        Instant recordedAt = Instant.ofEpochMilli(decision.recordedAt());
        if (key.registeredAt().isAfter(recordedAt)) {
            return List.of(new Finding(Kind.INVALID_KEY, taskId, "key_registered_at", "decision recorded " + recordedAt,
                    subject + " registered " + key.registeredAt()));
        }
        if (!key.validAt(issuedAt)) {
            return List.of(new Finding(Kind.INVALID_KEY, taskId, "key_validity", "payload issued " + issuedAt,
                    subject + " valid from " + key.validFrom() + (key.validUntil() == null ? "" : " until " + key.validUntil())));
        }
        return List.of();
    }
}
