package org.approvalchain.contracts;

import static org.approvalchain.contracts.AbiArguments.bytes32;
import static org.approvalchain.contracts.AbiArguments.string;
import static org.approvalchain.contracts.AbiArguments.uint256;
import static org.approvalchain.contracts.AbiCodec.event;
import static org.approvalchain.contracts.AbiCodec.plain;

import java.util.List;
import java.util.Optional;

import org.fisco.bcos.sdk.v3.codec.datatypes.Event;
import org.fisco.bcos.sdk.v3.codec.datatypes.Utf8String;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Bytes32;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Uint256;

/**
 * Codec for {@code ReliefFund.sol}: the relief amount approved for a case, to the hash of its
 * recipient, and its disbursement in tranches numbered from 1, whose running total the contract
 * never lets exceed the approved amount (it reverts with its reason).
 */
public final class ReliefFundContract extends DepartmentAccessContract {
    public static final String NAME = "ReliefFund";

    private static final Event GRANT_APPROVED = event("GrantApproved",
        plain(Utf8String.class), plain(Bytes32.class), plain(Uint256.class));
    private static final Event TRANCHE_DISBURSED = event("TrancheDisbursed", plain(Utf8String.class),
        plain(Uint256.class), plain(Uint256.class), plain(Bytes32.class), plain(Uint256.class), plain(Uint256.class));

    public ReliefFundContract(AbiCodec codec) {
        super(NAME, codec);
    }

    public byte[] approveGrant(String caseId, byte[] recipientHash, long amount) {
        return codec.encodeCall("approveGrant", string("caseId", caseId), bytes32("recipientHash", recipientHash),
            uint256("amount", amount));
    }

    public byte[] disburse(String caseId, long tranche, long amount, byte[] recipientHash) {
        return codec.encodeCall("disburse", string("caseId", caseId), uint256("tranche", tranche),
            uint256("amount", amount), bytes32("recipientHash", recipientHash));
    }

    public byte[] grant(String caseId) {
        return codec.encodeCall("grant", string("caseId", caseId));
    }

    /** The case's grant as {@code grant} returns it; all zero for a case without one. */
    public Grant decodeGrant(byte[] output) {
        AbiValues v = codec.decodeOutput("grant", output, Bytes32.class, Uint256.class, Uint256.class, Uint256.class);
        return new Grant(v.bytes(0), v.uintAsLong(1), v.uintAsLong(2), v.uintAsLong(3));
    }

    public Optional<GrantApproved> grantApproved(List<String> topics, byte[] data) {
        return codec.decodeEvent(GRANT_APPROVED, topics, data)
            .map(v -> new GrantApproved(v.string(0), v.bytes(1), v.uintAsLong(2)));
    }

    public Optional<TrancheDisbursed> trancheDisbursed(List<String> topics, byte[] data) {
        return codec.decodeEvent(TRANCHE_DISBURSED, topics, data).map(v -> new TrancheDisbursed(v.string(0),
            v.uintAsLong(1), v.uintAsLong(2), v.bytes(3), v.uintAsLong(4), v.uintAsLong(5)));
    }

    /** A case's grant: its recipient, the approved amount, the running total paid and the tranches paid. */
    public record Grant(byte[] recipientHash, long approved, long disbursed, long tranches) {
    }

    /** A case's grant was approved. */
    public record GrantApproved(String caseId, byte[] recipientHash, long amount) {
    }

    /** A tranche was paid, with the running total and what remains of the grant. */
    public record TrancheDisbursed(String caseId, long tranche, long amount, byte[] recipientHash, long totalDisbursed,
                                   long remaining) {
    }
}
