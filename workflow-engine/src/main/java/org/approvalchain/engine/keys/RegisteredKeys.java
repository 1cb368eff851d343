package org.approvalchain.engine.keys;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.approvalchain.contracts.ApproverKeyRegistryContract.KeyRegistration;
import org.approvalchain.engine.chain.ApproverKeyChain;
import org.approvalchain.engine.crypto.Sm3;
import org.approvalchain.engine.signing.ApproverKey;
import org.approvalchain.engine.signing.ApproverKeys;
import org.approvalchain.engine.signing.KeyChallenge;
import org.approvalchain.engine.signing.SignatureRejectedException;
import org.springframework.stereotype.Service;

/**
 * Approvers' keys as the chain holds them: the authority on which key an approver may sign with.
 * A key counts only with a proof of possession that verifies (checked here again, whoever wrote the
 * registration), and only while it is valid.
 */
@Service
public class RegisteredKeys implements ApproverKeys {

    private final ApproverKeyChain chain;
    /** Proofs checked before, by public key, challenge and signature: registrations never change them. */
    private final Map<String, Boolean> proofs = new ConcurrentHashMap<>();

    RegisteredKeys(ApproverKeyChain chain) {
        this.chain = chain;
    }

    /** Every key registered for the approver, in registration order, with whether its proof verifies. */
    public List<RegisteredKey> of(String approverId) {
        return chain.registrations(approverId).stream().map(r -> registered(approverId, r)).toList();
    }

    /** The proven keys of {@code userId}: at any instant the one registered last among those valid then. */
    @Override
    public KeyHistory history(String userId) {
        List<RegisteredKey> proven = of(userId).stream().filter(RegisteredKey::proven).toList();
        return time -> proven.stream().filter(k -> k.validAt(time)).reduce((first, second) -> second).map(RegisteredKey::key);
    }

    private RegisteredKey registered(String approverId, KeyRegistration r) {
        ApproverKey key = ApproverKey.fromEncodedPoint(r.publicKey());
        boolean proven = proofs.computeIfAbsent(Sm3.toHex(r.publicKey()) + Sm3.toHex(r.challenge()) + Sm3.toHex(r.proof()),
                any -> proves(approverId, key, r.challenge(), r.proof()));
        return new RegisteredKey(approverId, r.index(), key, Instant.ofEpochMilli(r.validFrom()),
                r.validUntil() == 0 ? null : Instant.ofEpochMilli(r.validUntil()), Instant.ofEpochMilli(r.registeredAt()),
                r.approvedBy(), r.confirmedBy(), r.revokedBy().isEmpty() ? null : r.revokedBy(), proven);
    }

    /** Whether {@code proof} is the approver's signature with {@code key} over a challenge naming both. */
    static boolean proves(String approverId, ApproverKey key, byte[] challengeBytes, byte[] proof) {
        try {
            KeyChallenge challenge = KeyChallenge.parse(challengeBytes);
            if (!challenge.approverId().equals(approverId) || !challenge.publicKey().equals(key)) {
                return false;
            }
            challenge.verifyProof(Base64.getEncoder().encodeToString(proof));
            return true;
        } catch (IllegalArgumentException | SignatureRejectedException e) {
            return false;
        }
    }
}
