package org.approvalchain.engine.legal.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.approvalchain.engine.chain.Definitions;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.approvalchain.engine.legal.AnchoredMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.web3j.utils.Numeric;

/**
 * Process versions anchored in {@code DefinitionRegistry}: each once, its transaction kept in
 * {@code ac_definition_anchor}, and the hashes read back from the chain itself when a map is served.
 */
@Component
public class DefinitionAnchors {

    private final Definitions definitions;
    private final JdbcTemplate jdbc;

    DefinitionAnchors(Definitions definitions, JdbcTemplate jdbc) {
        this.definitions = definitions;
        this.jdbc = jdbc;
    }

    public boolean isAnchored(String processKey, int version) {
        return transaction(processKey, version).isPresent();
    }

    /** Anchors the two hashes (0x SM3 hex) of a process version once, and keeps the transaction. */
    public void anchor(String processKey, int version, String bpmnHash, String mapHash) {
        TransactionReceipt receipt = definitions.anchor(processKey, version, bpmnHash, mapHash);
        try {
            jdbc.update("INSERT INTO ac_definition_anchor (process_key, version, bpmn_hash, map_hash, tx_hash, block_number, "
                            + "anchored_at) VALUES (?, ?, ?, ?, ?, ?, ?)", processKey, version, bpmnHash, mapHash,
                    receipt.transactionHash(), receipt.blockNumber(), Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            // the same write key gave it the same transaction
        }
    }

    /** The anchor of a process version: its transaction from our table, its hashes from the chain. */
    public Optional<AnchoredMap.Anchor> anchorOf(String processKey, int version) {
        return transaction(processKey, version).flatMap(tx -> definitions.anchored(processKey, version)
                .map(a -> new AnchoredMap.Anchor(tx.txHash(), tx.block(), Numeric.toHexString(a.bpmnHash()),
                        Numeric.toHexString(a.automationMapHash()))));
    }

    private Optional<Transaction> transaction(String processKey, int version) {
        return jdbc.query("SELECT tx_hash, block_number FROM ac_definition_anchor WHERE process_key = ? AND version = ?",
                (rs, n) -> new Transaction(rs.getString(1), rs.getLong(2)), processKey, version).stream().findFirst();
    }

    private record Transaction(String txHash, long block) {
    }
}
