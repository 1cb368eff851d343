package org.approvalchain.engine.process;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.approvalchain.contracts.DefinitionRegistryContract;
import org.approvalchain.engine.ledger.CallResult;
import org.approvalchain.engine.ledger.ChainWriter;
import org.approvalchain.engine.ledger.DeployedContracts;
import org.approvalchain.engine.ledger.EngineAccount;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.approvalchain.engine.legal.AnchoredMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.web3j.utils.Numeric;

/**
 * Process versions anchored in {@code DefinitionRegistry}: each once (write key {@code
 * definition/<key>/<version>}), its transaction kept in {@code ac_definition_anchor}, and the hashes
 * read back from the chain itself when a map is served.
 */
@Component
class DefinitionAnchors {

    private final ChainWriter writer;
    private final DeployedContracts contracts;
    private final Ledger ledger;
    private final EngineAccount account;
    private final JdbcTemplate jdbc;
    private final DefinitionRegistryContract registry;

    DefinitionAnchors(ChainWriter writer, DeployedContracts contracts, Ledger ledger, EngineAccount account,
                      JdbcTemplate jdbc) {
        this.writer = writer;
        this.contracts = contracts;
        this.ledger = ledger;
        this.account = account;
        this.jdbc = jdbc;
        this.registry = new DefinitionRegistryContract(contracts.codec());
    }

    boolean isAnchored(String processKey, int version) {
        return transaction(processKey, version).isPresent();
    }

    /** Anchors the two hashes (0x SM3 hex) of a process version once, and keeps the transaction. */
    void anchor(String processKey, int version, String bpmnHash, String mapHash) {
        TransactionReceipt receipt = writer.call("definition/" + processKey + "/" + version,
                DefinitionRegistryContract.NAME, contracts.address(DefinitionRegistryContract.NAME),
                registry.anchor(processKey, version, Numeric.hexStringToByteArray(bpmnHash),
                        Numeric.hexStringToByteArray(mapHash)));
        if (!receipt.succeeded()) {
            throw new IllegalStateException("ANCHOR-003 DefinitionRegistry refused the anchor of " + processKey + " v"
                    + version + ": " + receipt.revertReason());
        }
        try {
            jdbc.update("INSERT INTO ac_definition_anchor (process_key, version, bpmn_hash, map_hash, tx_hash, block_number, "
                            + "anchored_at) VALUES (?, ?, ?, ?, ?, ?, ?)", processKey, version, bpmnHash, mapHash,
                    receipt.transactionHash(), receipt.blockNumber(), Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            // the same write key gave it the same transaction
        }
    }

    /** The anchor of a process version: its transaction from our table, its hashes from the chain. */
    Optional<AnchoredMap.Anchor> anchorOf(String processKey, int version) {
        return transaction(processKey, version).flatMap(tx -> {
            CallResult result = ledger.call(account.address(), contracts.address(DefinitionRegistryContract.NAME),
                    registry.getAnchor(processKey, version));
            if (!result.succeeded()) {
                throw new IllegalStateException("ANCHOR-004 reading the anchor of " + processKey + " v" + version
                        + " failed: " + result.revertReason());
            }
            return registry.decodeAnchor(result.output()).map(a -> new AnchoredMap.Anchor(tx.txHash(), tx.block(),
                    Numeric.toHexString(a.bpmnHash()), Numeric.toHexString(a.automationMapHash())));
        });
    }

    private Optional<Transaction> transaction(String processKey, int version) {
        return jdbc.query("SELECT tx_hash, block_number FROM ac_definition_anchor WHERE process_key = ? AND version = ?",
                (rs, n) -> new Transaction(rs.getString(1), rs.getLong(2)), processKey, version).stream().findFirst();
    }

    private record Transaction(String txHash, long block) {
    }
}
