package org.approvalchain.contracts;

import static org.approvalchain.contracts.AbiArguments.bytes32;
import static org.approvalchain.contracts.AbiArguments.string;
import static org.approvalchain.contracts.AbiArguments.uint256;
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
 * Codec for {@code LicenseRegistry.sol}: electronic licences (电子证照) issued under a number to
 * the hash of their holder, verified against chain time, and revoked with a reason. Times are
 * chain time, on FISCO BCOS milliseconds since the epoch.
 */
public final class LicenseRegistryContract extends DepartmentAccessContract {
    public static final String NAME = "LicenseRegistry";

    private static final Event LICENSE_ISSUED = event("LicenseIssued", plain(Utf8String.class),
        plain(Utf8String.class), plain(Bytes32.class), indexed(Address.class), plain(Uint256.class),
        plain(Uint256.class));
    private static final Event LICENSE_REVOKED = event("LicenseRevoked",
        plain(Utf8String.class), indexed(Address.class), plain(Utf8String.class));

    public LicenseRegistryContract(AbiCodec codec) {
        super(NAME, codec);
    }

    public byte[] issue(String licenseNo, String licenseType, byte[] holderHash, long validFrom, long validUntil) {
        return codec.encodeCall("issue", string("licenseNo", licenseNo), string("licenseType", licenseType),
            bytes32("holderHash", holderHash), uint256("validFrom", validFrom), uint256("validUntil", validUntil));
    }

    public byte[] revoke(String licenseNo, String reason) {
        return codec.encodeCall("revoke", string("licenseNo", licenseNo), string("reason", reason));
    }

    public byte[] verify(String licenseNo, byte[] holderHash) {
        return codec.encodeCall("verify", string("licenseNo", licenseNo), bytes32("holderHash", holderHash));
    }

    public byte[] revocationReason(String licenseNo) {
        return codec.encodeCall("revocationReason", string("licenseNo", licenseNo));
    }

    public LicenseStatus decodeLicenseStatus(byte[] output) {
        AbiValues v = codec.decodeOutput("verify", output,
            Bool.class, Utf8String.class, Address.class, Uint256.class, Uint256.class, Bool.class);
        return new LicenseStatus(v.bool(0), v.string(1), v.address(2), v.uintAsLong(3), v.uintAsLong(4), v.bool(5));
    }

    public String decodeRevocationReason(byte[] output) {
        return codec.decodeOutput("revocationReason", output, Utf8String.class).string(0);
    }

    public Optional<LicenseIssued> licenseIssued(List<String> topics, byte[] data) {
        return codec.decodeEvent(LICENSE_ISSUED, topics, data).map(v -> new LicenseIssued(
            v.string(0), v.string(1), v.bytes(2), v.address(3), v.uintAsLong(4), v.uintAsLong(5)));
    }

    public Optional<LicenseRevoked> licenseRevoked(List<String> topics, byte[] data) {
        return codec.decodeEvent(LICENSE_REVOKED, topics, data)
            .map(v -> new LicenseRevoked(v.string(0), v.address(1), v.string(2)));
    }

    /**
     * A licence as {@code verify} sees it: {@code valid} only when issued to that holder hash, not
     * revoked, and chain time lies within the validity period.
     */
    public record LicenseStatus(boolean valid, String licenseType, String issuer, long validFrom, long validUntil,
                                boolean revoked) {
    }

    /** A licence was issued. */
    public record LicenseIssued(String licenseNo, String licenseType, byte[] holderHash, String issuer,
                                long validFrom, long validUntil) {
    }

    /** A licence was revoked, with a reason. */
    public record LicenseRevoked(String licenseNo, String revokedBy, String reason) {
    }
}
