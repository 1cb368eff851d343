package org.approvalchain.contracts;

import static org.approvalchain.contracts.AbiArguments.bytes;
import static org.approvalchain.contracts.AbiArguments.bytes32;
import static org.approvalchain.contracts.AbiArguments.string;
import static org.approvalchain.contracts.AbiArguments.uint8;
import static org.approvalchain.contracts.AbiCodec.event;
import static org.approvalchain.contracts.AbiCodec.plain;

import java.util.List;
import java.util.Optional;

import org.fisco.bcos.sdk.v3.codec.datatypes.DynamicBytes;
import org.fisco.bcos.sdk.v3.codec.datatypes.Event;
import org.fisco.bcos.sdk.v3.codec.datatypes.Utf8String;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Bytes32;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Uint256;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Uint8;

/**
 * Codec for {@code DecisionRegistry.sol}, where each official's signed decision on a task is
 * recorded once, with the approver's public key, the hash of the signed payload and the signature,
 * so that anyone can later check the signature against the chain.
 */
public final class DecisionRegistryContract extends DepartmentAccessContract {
    public static final String NAME = "DecisionRegistry";

    private static final Event DECISION_RECORDED = event("DecisionRecorded", plain(Utf8String.class),
        plain(Utf8String.class), plain(Utf8String.class), plain(Uint8.class), plain(Bytes32.class));

    public DecisionRegistryContract(AbiCodec codec) {
        super(NAME, codec);
    }

    public byte[] recordDecision(String caseId, String taskId, String approverId, byte[] approverPublicKey,
                                 Decision decision, byte[] payloadHash, byte[] signature) {
        return codec.encodeCall("recordDecision", string("caseId", caseId), string("taskId", taskId),
            string("approverId", approverId), bytes("approverPublicKey", approverPublicKey),
            uint8(decision.code()), bytes32("payloadHash", payloadHash), bytes("signature", signature));
    }

    public byte[] getDecision(String caseId, String taskId) {
        return codec.encodeCall("getDecision", string("caseId", caseId), string("taskId", taskId));
    }

    /** The decision returned by {@code getDecision}, or empty when none was recorded for the task. */
    public Optional<DecisionRecord> decodeDecision(byte[] output) {
        AbiValues v = codec.decodeOutput("getDecision", output, Utf8String.class, DynamicBytes.class,
            Uint8.class, Bytes32.class, DynamicBytes.class, Uint256.class);
        int decision = v.uintAsInt(2);
        return decision == 0 ? Optional.empty() : Optional.of(new DecisionRecord(v.string(0), v.bytes(1),
            Decision.of(decision), v.bytes(3), v.bytes(4), v.uintAsLong(5)));
    }

    public Optional<DecisionRecorded> decisionRecorded(List<String> topics, byte[] data) {
        return codec.decodeEvent(DECISION_RECORDED, topics, data).map(v -> new DecisionRecorded(
            v.string(0), v.string(1), v.string(2), Decision.of(v.uintAsInt(3)), v.bytes(4)));
    }

    /** What an official decided; the codes are the contract's constants. */
    public enum Decision {
        APPROVE(1), REJECT(2), RETURN_FOR_CORRECTION(3);

        private final int code;

        Decision(int code) {
            this.code = code;
        }

        /** The contract's constant for this value. */
        public int code() {
            return code;
        }

        static Decision of(int code) {
            for (Decision value : values()) {
                if (value.code == code) {
                    return value;
                }
            }
            throw new IllegalArgumentException("unknown decision " + code);
        }
    }

    /** A recorded decision: who decided, with which key, over which payload hash, and when (chain time). */
    public record DecisionRecord(String approverId, byte[] approverPublicKey, Decision decision,
                                 byte[] payloadHash, byte[] signature, long recordedAt) {
    }

    /** A decision on a task of a case was recorded. */
    public record DecisionRecorded(String caseId, String taskId, String approverId, Decision decision,
                                   byte[] payloadHash) {
    }
}
