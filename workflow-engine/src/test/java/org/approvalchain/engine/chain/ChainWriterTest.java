package org.approvalchain.engine.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.engine.database.EmbeddedStore;
import org.approvalchain.engine.database.WholeCommits;
import org.approvalchain.engine.ledger.LedgerProperties;
import org.approvalchain.engine.ledger.LedgerUnavailableException;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.approvalchain.engine.ledger.TransactionSigner;
import org.approvalchain.engine.ledger.embedded.EmbeddedLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The journal of chain writes against a real embedded chain, on the tables the migrations create:
 * each write's transaction sent once per key, and the signed transaction let go once its receipt
 * is noted (the chain holds it then), kept while the caller's transaction that notes it rolls back.
 * The tests commit as the engine does ({@code NOT_SUPPORTED}: no test transaction around them).
 */
@JdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class ChainWriterTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DataSource dataSource;
    @TempDir
    Path dir;

    EmbeddedLedger ledger;
    ChainWriter writer;
    TransactionSigner department;
    String to;

    @BeforeEach
    void chainAndWriter() throws SQLException {
        EmbeddedStore store = new EmbeddedStore(new WholeCommits(dataSource));
        LedgerProperties.Embedded embedded = new LedgerProperties.Embedded(dir.resolve("ledger"), "chain0", "group0", 50,
                Duration.ofMillis(2), 1000);
        ledger = EmbeddedLedger.open(ChainCrypto.ECDSA, embedded);
        writer = new ChainWriter(ledger, new EngineAccount(new LedgerProperties(LedgerProperties.Adapter.EMBEDDED,
                ChainCrypto.ECDSA, dir.resolve("department.key"), embedded, null)), jdbc, transactions, FaultInjection.NONE,
                store, new JournalAhead(store));
        department = TransactionSigner.newAccount(ChainCrypto.ECDSA);
        to = TransactionSigner.newAccount(ChainCrypto.ECDSA).address();
    }

    @AfterEach
    void closeChain() {
        ledger.close();
    }

    @Test
    void aWriteKeepsOnlyItsTransactionsHashOnceItsReceiptIsNotedAndIsNotSentAgain() {
        String key = key();
        TransactionReceipt receipt = writer.call(department, key, "CaseLedger", to, new byte[] {1});
        long height = ledger.status().blockNumber();

        assertThat(receipt.succeeded()).isTrue();
        Map<String, Object> row = journal(key);
        assertThat(row.get("tx_hash")).isEqualTo(receipt.transactionHash());
        assertThat(row.get("signed_tx")).isNull();
        assertThat(row.get("completed_at")).isNotNull();

        TransactionReceipt again = writer.call(department, key, "CaseLedger", to, new byte[] {1});
        assertThat(again.transactionHash()).isEqualTo(receipt.transactionHash());
        assertThat(ledger.status().blockNumber()).as("nothing sent the second time").isEqualTo(height);
    }

    @Test
    void aWriteWhoseNoteIsRolledBackKeepsItsSignedTransactionAndTheRetryFindsTheSameOne() {
        String key = key();
        TransactionReceipt receipt = rolledBack(() -> writer.call(department, key, "CaseLedger", to, new byte[] {2}));

        Map<String, Object> row = journal(key);
        assertThat(row.get("signed_tx")).as("journalled before it was sent, in a transaction of its own").isNotNull();
        assertThat(row.get("completed_at")).isNull();

        TransactionReceipt retried = writer.call(department, key, "CaseLedger", to, new byte[] {2});
        assertThat(retried.transactionHash()).isEqualTo(receipt.transactionHash());
        assertThat(retried.blockNumber()).isEqualTo(receipt.blockNumber());
        assertThat(journal(key).get("signed_tx")).isNull();
    }

    @Test
    void aWriteNotedAsIncludedThatTheChainDoesNotHaveIsNotSentAgain() {
        String key = key();
        String unknown = "0x" + "ab".repeat(32);
        jdbc.update("INSERT INTO ac_chain_write (write_key, contract_name, tx_hash, signed_tx, block_limit, block_number, status, "
                        + "created_at, completed_at) VALUES (?, 'CaseLedger', ?, NULL, ?, 7, 0, ?, ?)",
                key, unknown, ledger.status().blockNumber() + 500, Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        long height = ledger.status().blockNumber();

        assertThatThrownBy(() -> writer.call(department, key, "CaseLedger", to, new byte[] {3}))
                .isInstanceOf(LedgerUnavailableException.class)
                .hasMessageStartingWith("LEDGER-305 the journal has transaction " + unknown + " for " + key + " in a block");
        assertThat(ledger.status().blockNumber()).isEqualTo(height);
    }

    private TransactionReceipt rolledBack(Supplier<TransactionReceipt> write) {
        return new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            return write.get();
        });
    }

    private Map<String, Object> journal(String key) {
        return jdbc.queryForMap("SELECT tx_hash, signed_tx, completed_at FROM ac_chain_write WHERE write_key = ?", key);
    }

    private static String key() {
        return "test/" + System.nanoTime();
    }
}
