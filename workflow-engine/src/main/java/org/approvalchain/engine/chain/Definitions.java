package org.approvalchain.engine.chain;

import java.util.Optional;

import org.approvalchain.contracts.DefinitionRegistryContract.DefinitionAnchor;
import org.approvalchain.contracts.DefinitionRegistryContract;
import org.approvalchain.engine.ledger.CallResult;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.springframework.stereotype.Component;
import org.web3j.utils.Numeric;

/**
 * Process versions on chain, typed: the SM3 hashes of a version's BPMN and automation map anchored
 * in {@code DefinitionRegistry} once (write key {@code definition/<key>/<version>}), and read back.
 */
@Component
public class Definitions {

    private final Contracts contracts;
    private final DefinitionRegistryContract registry;

    Definitions(Contracts contracts) {
        this.contracts = contracts;
        this.registry = new DefinitionRegistryContract(contracts.codec());
    }

    /** Anchors the two hashes (0x SM3 hex) of a process version once. */
    public TransactionReceipt anchor(String processKey, int version, String bpmnHash, String mapHash) {
        return contracts.send("definition/" + processKey + "/" + version, DefinitionRegistryContract.NAME,
                        registry.anchor(processKey, version, Numeric.hexStringToByteArray(bpmnHash),
                                Numeric.hexStringToByteArray(mapHash)))
                .requireSucceeded("ANCHOR-003 anchoring " + processKey + " v" + version + " in DefinitionRegistry");
    }

    /** The hashes the chain holds for a process version; empty when it was never anchored. */
    public Optional<DefinitionAnchor> anchored(String processKey, int version) {
        CallResult result = contracts.read(DefinitionRegistryContract.NAME, registry.getAnchor(processKey, version));
        if (!result.succeeded()) {
            throw new IllegalStateException("ANCHOR-004 reading the anchor of " + processKey + " v" + version
                    + " failed: " + result.revertReason());
        }
        return registry.decodeAnchor(result.output());
    }
}
