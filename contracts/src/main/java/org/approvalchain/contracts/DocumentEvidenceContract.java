package org.approvalchain.contracts;

import static org.approvalchain.contracts.AbiArguments.bytes32;
import static org.approvalchain.contracts.AbiArguments.string;
import static org.approvalchain.contracts.AbiCodec.event;
import static org.approvalchain.contracts.AbiCodec.indexed;
import static org.approvalchain.contracts.AbiCodec.plain;

import java.util.List;
import java.util.Optional;

import org.fisco.bcos.sdk.v3.codec.datatypes.Address;
import org.fisco.bcos.sdk.v3.codec.datatypes.Bool;
import org.fisco.bcos.sdk.v3.codec.datatypes.Event;
import org.fisco.bcos.sdk.v3.codec.datatypes.Utf8String;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Bytes32;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Uint256;

/**
 * Codec for {@code DocumentEvidence.sol}, where an issuing authority anchors the hash of a
 * document (证明材料) and may later revoke it; anyone verifies a hash and learns who anchored it.
 */
public final class DocumentEvidenceContract extends DepartmentAccessContract {
    public static final String NAME = "DocumentEvidence";

    private static final Event DOCUMENT_ANCHORED = event("DocumentAnchored",
        indexed(Bytes32.class), indexed(Address.class), plain(Utf8String.class));
    private static final Event DOCUMENT_REVOKED = event("DocumentRevoked",
        indexed(Bytes32.class), indexed(Address.class), plain(Utf8String.class));

    private static final Event EVIDENCE_CHECKED = event("EvidenceChecked",
        plain(Utf8String.class), indexed(Bytes32.class), plain(Utf8String.class), plain(Bool.class));

    public DocumentEvidenceContract(AbiCodec codec) {
        super(NAME, codec);
    }

    public byte[] anchor(byte[] documentHash, String documentType) {
        return codec.encodeCall("anchor", bytes32("documentHash", documentHash),
            string("documentType", documentType));
    }

    public byte[] revoke(byte[] documentHash, String reason) {
        return codec.encodeCall("revoke", bytes32("documentHash", documentHash), string("reason", reason));
    }

    public byte[] check(String caseId, byte[] documentHash, String documentType) {
        return codec.encodeCall("check", string("caseId", caseId), bytes32("documentHash", documentHash),
            string("documentType", documentType));
    }

    public byte[] verify(byte[] documentHash) {
        return codec.encodeCall("verify", bytes32("documentHash", documentHash));
    }

    public EvidenceRecord decodeEvidence(byte[] output) {
        AbiValues v = codec.decodeOutput("verify", output,
            Bool.class, Address.class, Utf8String.class, Utf8String.class, Uint256.class, Bool.class);
        return new EvidenceRecord(v.bool(0), v.address(1), v.string(2), v.string(3), v.uintAsLong(4), v.bool(5));
    }

    public Optional<DocumentAnchored> documentAnchored(List<String> topics, byte[] data) {
        return codec.decodeEvent(DOCUMENT_ANCHORED, topics, data)
            .map(v -> new DocumentAnchored(v.bytes(0), v.address(1), v.string(2)));
    }

    public Optional<DocumentRevoked> documentRevoked(List<String> topics, byte[] data) {
        return codec.decodeEvent(DOCUMENT_REVOKED, topics, data)
            .map(v -> new DocumentRevoked(v.bytes(0), v.address(1), v.string(2)));
    }

    public Optional<EvidenceChecked> evidenceChecked(List<String> topics, byte[] data) {
        return codec.decodeEvent(EVIDENCE_CHECKED, topics, data)
            .map(v -> new EvidenceChecked(v.string(0), v.bytes(1), v.string(2), v.bool(3)));
    }

    /** What the chain says about a document hash; when not anchored, the other fields are empty/zero. */
    public record EvidenceRecord(boolean anchored, String issuer, String issuerDepartment, String documentType,
                                 long anchoredAt, boolean revoked) {
    }

    /** A document hash was anchored by its issuer. */
    public record DocumentAnchored(byte[] documentHash, String issuer, String documentType) {
    }

    /** A case's material was checked against the anchored evidence: valid when anchored as that type and not revoked. */
    public record EvidenceChecked(String caseId, byte[] documentHash, String documentType, boolean valid) {
    }

    /** A document hash was revoked by its issuer, with a reason. */
    public record DocumentRevoked(byte[] documentHash, String issuer, String reason) {
    }
}
