package org.approvalchain.engine.chain;

import java.util.ArrayList;
import java.util.List;

import org.approvalchain.contracts.ApproverKeyRegistryContract.KeyRegistration;
import org.approvalchain.contracts.ApproverKeyRegistryContract;
import org.approvalchain.engine.ledger.CallResult;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.springframework.stereotype.Component;

/**
 * Approvers' keys on chain, typed: a registration once per enrolment (write key {@code
 * key-enrolment/<id>}), a revocation once per key, and every registration of an approver read back
 * in order. The contract refuses a key without proof of possession or without two different
 * administrators; its revert reason comes back in the receipt.
 */
@Component
public class ApproverKeyChain {

    private final Contracts contracts;
    private final ApproverKeyRegistryContract registry;

    ApproverKeyChain(Contracts contracts) {
        this.contracts = contracts;
        this.registry = new ApproverKeyRegistryContract(contracts.codec());
    }

    /** Registers a key once for {@code enrolmentId}; the receipt says whether the contract accepted it. */
    public TransactionReceipt register(long enrolmentId, String approverId, byte[] publicKey, long validFrom,
                                       String approvedBy, String confirmedBy, byte[] challenge, byte[] proof) {
        return contracts.send("key-enrolment/" + enrolmentId, ApproverKeyRegistryContract.NAME,
                registry.registerKey(approverId, publicKey, validFrom, approvedBy, confirmedBy, challenge, proof));
    }

    /** Ends the validity of the approver's key number {@code index} at {@code at} (ms), once. */
    public TransactionReceipt revoke(String approverId, long index, long at, String revokedBy) {
        return contracts.send("approver-key/" + approverId + "/" + index + "/revoke", ApproverKeyRegistryContract.NAME,
                registry.revokeKey(approverId, index, at, revokedBy));
    }

    /** Every key ever registered for the approver, in registration order. */
    public List<KeyRegistration> registrations(String approverId) {
        long count = registry.decodeKeyCount(read(registry.keyCount(approverId)));
        List<KeyRegistration> keys = new ArrayList<>((int) count);
        for (long index = 0; index < count; index++) {
            keys.add(registry.decodeRegistration(index, read(registry.getKey(approverId, index)),
                    read(registry.getApproval(approverId, index))));
        }
        return keys;
    }

    private byte[] read(byte[] call) {
        CallResult result = contracts.read(ApproverKeyRegistryContract.NAME, call);
        if (!result.succeeded()) {
            throw new IllegalStateException("KEYS-101 reading ApproverKeyRegistry failed: " + result.revertReason());
        }
        return result.output();
    }
}
