package org.approvalchain.contracts;

import static org.approvalchain.contracts.AbiArguments.bytes;
import static org.approvalchain.contracts.AbiArguments.string;
import static org.approvalchain.contracts.AbiArguments.uint256;
import static org.approvalchain.contracts.AbiCodec.event;
import static org.approvalchain.contracts.AbiCodec.plain;

import java.util.List;
import java.util.Optional;

import org.fisco.bcos.sdk.v3.codec.datatypes.DynamicBytes;
import org.fisco.bcos.sdk.v3.codec.datatypes.Event;
import org.fisco.bcos.sdk.v3.codec.datatypes.Utf8String;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Uint256;

/**
 * Codec for {@code ApproverKeyRegistry.sol}: each approver's SM2 public keys in the order they were
 * registered, each with the proof of possession (the approver's signature over the engine's
 * challenge), the two administrators who approved it, and the time from which, and until which, it
 * is valid. Times are milliseconds since 1970, as the chain's; {@code validUntil} 0 means still valid.
 */
public final class ApproverKeyRegistryContract extends DepartmentAccessContract {
    public static final String NAME = "ApproverKeyRegistry";

    private static final Event KEY_REGISTERED = event("KeyRegistered", plain(Utf8String.class), plain(Uint256.class),
        plain(DynamicBytes.class), plain(Uint256.class), plain(Utf8String.class), plain(Utf8String.class));
    private static final Event KEY_REVOKED = event("KeyRevoked", plain(Utf8String.class), plain(Uint256.class),
        plain(Uint256.class), plain(Utf8String.class));

    public ApproverKeyRegistryContract(AbiCodec codec) {
        super(NAME, codec);
    }

    public byte[] registerKey(String approverId, byte[] publicKey, long validFrom, String approvedBy, String confirmedBy,
                              byte[] challenge, byte[] proof) {
        return codec.encodeCall("registerKey", string("approverId", approverId), bytes("publicKey", publicKey),
            uint256("validFrom", validFrom), string("approvedBy", approvedBy), string("confirmedBy", confirmedBy),
            bytes("challenge", challenge), bytes("proof", proof));
    }

    public byte[] revokeKey(String approverId, long index, long at, String revokedBy) {
        return codec.encodeCall("revokeKey", string("approverId", approverId), uint256("index", index),
            uint256("at", at), string("revokedBy", revokedBy));
    }

    public byte[] keyCount(String approverId) {
        return codec.encodeCall("keyCount", string("approverId", approverId));
    }

    public long decodeKeyCount(byte[] output) {
        return codec.decodeOutput("keyCount", output, Uint256.class).uintAsLong(0);
    }

    public byte[] getKey(String approverId, long index) {
        return codec.encodeCall("getKey", string("approverId", approverId), uint256("index", index));
    }

    public byte[] getApproval(String approverId, long index) {
        return codec.encodeCall("getApproval", string("approverId", approverId), uint256("index", index));
    }

    /** A registration from the outputs of {@code getKey} and {@code getApproval} for the same index. */
    public KeyRegistration decodeRegistration(long index, byte[] keyOutput, byte[] approvalOutput) {
        AbiValues key = codec.decodeOutput("getKey", keyOutput,
            DynamicBytes.class, Uint256.class, Uint256.class, Uint256.class, Utf8String.class);
        AbiValues approval = codec.decodeOutput("getApproval", approvalOutput,
            Utf8String.class, Utf8String.class, DynamicBytes.class, DynamicBytes.class);
        return new KeyRegistration(index, key.bytes(0), key.uintAsLong(1), key.uintAsLong(2), key.uintAsLong(3),
            key.string(4), approval.string(0), approval.string(1), approval.bytes(2), approval.bytes(3));
    }

    public Optional<KeyRegistered> keyRegistered(List<String> topics, byte[] data) {
        return codec.decodeEvent(KEY_REGISTERED, topics, data).map(v -> new KeyRegistered(v.string(0), v.uintAsLong(1),
            v.bytes(2), v.uintAsLong(3), v.string(4), v.string(5)));
    }

    public Optional<KeyRevoked> keyRevoked(List<String> topics, byte[] data) {
        return codec.decodeEvent(KEY_REVOKED, topics, data).map(v -> new KeyRevoked(v.string(0), v.uintAsLong(1),
            v.uintAsLong(2), v.string(3)));
    }

    /**
     * One registered key of an approver, number {@code index} in registration order.
     *
     * @param validUntil 0 while the key is valid
     * @param registeredAt chain time of the registering block
     * @param revokedBy empty unless the key was revoked (rather than replaced)
     * @param proof the approver's SM2 signature (DER) with this key over {@code challenge}
     */
    public record KeyRegistration(long index, byte[] publicKey, long validFrom, long validUntil, long registeredAt,
                                  String revokedBy, String approvedBy, String confirmedBy, byte[] challenge,
                                  byte[] proof) {

        /** Whether the key was valid at {@code time} (ms): from {@code validFrom}, until {@code validUntil} if set. */
        public boolean validAt(long time) {
            return time >= validFrom && (validUntil == 0 || time < validUntil);
        }
    }

    /** A key was registered for an approver. */
    public record KeyRegistered(String approverId, long index, byte[] publicKey, long validFrom, String approvedBy,
                                String confirmedBy) {
    }

    /** A key of an approver was revoked: valid no more from {@code validUntil}. */
    public record KeyRevoked(String approverId, long index, long validUntil, String revokedBy) {
    }
}
