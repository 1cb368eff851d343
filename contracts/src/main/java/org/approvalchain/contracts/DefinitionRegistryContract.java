package org.approvalchain.contracts;

import static org.approvalchain.contracts.AbiArguments.bytes32;
import static org.approvalchain.contracts.AbiArguments.string;
import static org.approvalchain.contracts.AbiArguments.uint256;
import static org.approvalchain.contracts.AbiCodec.event;
import static org.approvalchain.contracts.AbiCodec.plain;

import java.util.List;
import java.util.Optional;

import org.fisco.bcos.sdk.v3.codec.datatypes.Address;
import org.fisco.bcos.sdk.v3.codec.datatypes.Event;
import org.fisco.bcos.sdk.v3.codec.datatypes.Utf8String;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Bytes32;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Uint256;

/**
 * Codec for {@code DefinitionRegistry.sol}, which anchors each deployed process version: the hash
 * of its BPMN and of its automation map, so a legal reviewer can check both against the chain.
 */
public final class DefinitionRegistryContract extends DepartmentAccessContract {
    public static final String NAME = "DefinitionRegistry";

    private static final Event DEFINITION_ANCHORED = event("DefinitionAnchored",
        plain(Utf8String.class), plain(Uint256.class), plain(Bytes32.class), plain(Bytes32.class));

    public DefinitionRegistryContract(AbiCodec codec) {
        super(NAME, codec);
    }

    public byte[] anchor(String processKey, long version, byte[] bpmnHash, byte[] automationMapHash) {
        return codec.encodeCall("anchor", string("processKey", processKey), uint256("version", version),
            bytes32("bpmnHash", bpmnHash), bytes32("automationMapHash", automationMapHash));
    }

    public byte[] getAnchor(String processKey, long version) {
        return codec.encodeCall("getAnchor", string("processKey", processKey), uint256("version", version));
    }

    /** The anchor returned by {@code getAnchor}, or empty when that version was never anchored. */
    public Optional<DefinitionAnchor> decodeAnchor(byte[] output) {
        AbiValues v = codec.decodeOutput("getAnchor", output,
            Bytes32.class, Bytes32.class, Uint256.class, Address.class);
        return v.uintAsLong(2) == 0 ? Optional.empty()
            : Optional.of(new DefinitionAnchor(v.bytes(0), v.bytes(1), v.uintAsLong(2), v.address(3)));
    }

    public Optional<DefinitionAnchored> definitionAnchored(List<String> topics, byte[] data) {
        return codec.decodeEvent(DEFINITION_ANCHORED, topics, data)
            .map(v -> new DefinitionAnchored(v.string(0), v.uintAsLong(1), v.bytes(2), v.bytes(3)));
    }

    /** The anchor of one process version: its hashes, when (chain time) and by whom. */
    public record DefinitionAnchor(byte[] bpmnHash, byte[] automationMapHash, long anchoredAt, String anchoredBy) {
    }

    /** A process version was anchored. */
    public record DefinitionAnchored(String processKey, long version, byte[] bpmnHash, byte[] automationMapHash) {
    }
}
