package org.approvalchain.contracts;

import static org.approvalchain.contracts.AbiArguments.bytes32;
import static org.approvalchain.contracts.AbiArguments.string;
import static org.approvalchain.contracts.AbiArguments.uint256;
import static org.approvalchain.contracts.AbiCodec.event;
import static org.approvalchain.contracts.AbiCodec.plain;

import java.util.List;
import java.util.Optional;

import org.fisco.bcos.sdk.v3.codec.datatypes.Bool;
import org.fisco.bcos.sdk.v3.codec.datatypes.Event;
import org.fisco.bcos.sdk.v3.codec.datatypes.Utf8String;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Bytes32;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Uint256;

/**
 * Codec for {@code ProxyAuthorisation.sol}: authorised proxy handling (授权代办). An authorisation
 * is kept under the hash of the document the principal signed, with the hashes of principal and
 * agent, the services it covers (process keys, comma-separated), its period (chain time,
 * milliseconds) and whether it was revoked; {@code isAuthorised} reverts with the reason an agent
 * may not act, and every action the agent takes is recorded under it.
 */
public final class ProxyAuthorisationContract extends DepartmentAccessContract {
    public static final String NAME = "ProxyAuthorisation";

    private static final Event GRANTED = event("AuthorisationGranted", plain(Bytes32.class), plain(Bytes32.class),
        plain(Bytes32.class), plain(Utf8String.class), plain(Uint256.class), plain(Uint256.class), plain(Bytes32.class));
    private static final Event REVOKED = event("AuthorisationRevoked", plain(Bytes32.class), plain(Bytes32.class));
    private static final Event ACTION_RECORDED = event("ActionRecorded", plain(Bytes32.class), plain(Utf8String.class),
        plain(Utf8String.class), plain(Utf8String.class), plain(Utf8String.class));

    public ProxyAuthorisationContract(AbiCodec codec) {
        super(NAME, codec);
    }

    public byte[] grant(byte[] id, byte[] principalHash, byte[] agentHash, String scope, long validFrom, long validUntil,
                        byte[] signatureHash) {
        return codec.encodeCall("grant", bytes32("id", id), bytes32("principalHash", principalHash),
            bytes32("agentHash", agentHash), string("scope", scope), uint256("validFrom", validFrom),
            uint256("validUntil", validUntil), bytes32("signatureHash", signatureHash));
    }

    public byte[] revoke(byte[] id, byte[] revocationHash) {
        return codec.encodeCall("revoke", bytes32("id", id), bytes32("revocationHash", revocationHash));
    }

    public byte[] isAuthorised(byte[] id, byte[] principalHash, byte[] agentHash, String service, long at) {
        return codec.encodeCall("isAuthorised", bytes32("id", id), bytes32("principalHash", principalHash),
            bytes32("agentHash", agentHash), string("service", service), uint256("at", at));
    }

    public byte[] recordAction(byte[] id, byte[] principalHash, byte[] agentHash, String service, String actionKey,
                               String action, String caseId) {
        return codec.encodeCall("recordAction", bytes32("id", id), bytes32("principalHash", principalHash),
            bytes32("agentHash", agentHash), string("service", service), string("actionKey", actionKey),
            string("action", action), string("caseId", caseId));
    }

    public byte[] getAuthorisation(byte[] id) {
        return codec.encodeCall("getAuthorisation", bytes32("id", id));
    }

    public boolean decodeIsAuthorised(byte[] output) {
        return codec.decodeOutput("isAuthorised", output, Bool.class).bool(0);
    }

    public Authorisation decodeAuthorisation(byte[] output) {
        AbiValues v = codec.decodeOutput("getAuthorisation", output, Bytes32.class, Bytes32.class, Utf8String.class,
            Uint256.class, Uint256.class, Uint256.class, Bool.class, Uint256.class);
        return new Authorisation(v.bytes(0), v.bytes(1), v.string(2), v.uintAsLong(3), v.uintAsLong(4), v.uintAsLong(5),
            v.bool(6), v.uintAsLong(7));
    }

    public Optional<AuthorisationGranted> authorisationGranted(List<String> topics, byte[] data) {
        return codec.decodeEvent(GRANTED, topics, data).map(v -> new AuthorisationGranted(v.bytes(0), v.bytes(1),
            v.bytes(2), v.string(3), v.uintAsLong(4), v.uintAsLong(5), v.bytes(6)));
    }

    public Optional<AuthorisationRevoked> authorisationRevoked(List<String> topics, byte[] data) {
        return codec.decodeEvent(REVOKED, topics, data).map(v -> new AuthorisationRevoked(v.bytes(0), v.bytes(1)));
    }

    public Optional<ActionRecorded> actionRecorded(List<String> topics, byte[] data) {
        return codec.decodeEvent(ACTION_RECORDED, topics, data)
            .map(v -> new ActionRecorded(v.bytes(0), v.string(1), v.string(2), v.string(3), v.string(4)));
    }

    /** An authorisation as the chain holds it; {@code grantedAt} is 0 for an unknown id. */
    public record Authorisation(byte[] principalHash, byte[] agentHash, String scope, long validFrom, long validUntil,
                                long grantedAt, boolean revoked, long actions) {
    }

    /** An authorisation was recorded under the hash of its signed document. */
    public record AuthorisationGranted(byte[] id, byte[] principalHash, byte[] agentHash, String scope, long validFrom,
                                       long validUntil, byte[] signatureHash) {
    }

    /** The principal revoked an authorisation, by a signed revocation of this hash. */
    public record AuthorisationRevoked(byte[] id, byte[] revocationHash) {
    }

    /** The agent acted under an authorisation: what, in which service and case, under which action key. */
    public record ActionRecorded(byte[] id, String actionKey, String service, String action, String caseId) {
    }
}
