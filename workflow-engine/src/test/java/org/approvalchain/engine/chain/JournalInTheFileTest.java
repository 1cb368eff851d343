package org.approvalchain.engine.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.engine.database.EmbeddedStore;
import org.approvalchain.engine.database.WholeCommits;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.ledger.LedgerProperties;
import org.approvalchain.engine.ledger.TransactionSigner;
import org.approvalchain.engine.ledger.embedded.EmbeddedLedger;
import org.approvalchain.engine.support.WhatAKillLeaves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A chain write's journal entry is in the database's file before the chain can have its
 * transaction (the engine's own database, its URL as {@code application.yml} gives it: H2 writes a
 * commit only when the engine stores; a copy of its file taken as the transaction is sent, {@link
 * WhatAKillLeaves}): the retry after a {@code kill -9} at that moment must find the entry and send
 * the very same transaction.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class JournalInTheFileTest {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void engineDatabase(DynamicPropertyRegistry registry) {
        registry.add("approvalchain.data-dir", dir::toString);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DataSource dataSource;

    @Test
    void theJournalEntryIsInTheFileBeforeItsTransactionIsSent() throws Exception {
        EmbeddedStore store = new EmbeddedStore(new WholeCommits(dataSource));
        store.writeWhatItHolds(); // the tables as the migrations made them
        String unwritten = "unwritten-" + UUID.randomUUID();
        jdbc.update("INSERT INTO ac_chain_write (write_key, contract_name, tx_hash, signed_tx, block_limit, created_at) "
                + "VALUES (?, 'CaseLedger', '0x00', '0x00', 1, ?)", unwritten, Timestamp.from(Instant.now()));
        assertThat(journalEntriesAfterCrash(unwritten)).as("committed, not written: what a kill -9 leaves now").isZero();

        LedgerProperties.Embedded embedded = new LedgerProperties.Embedded(dir.resolve("ledger"), "chain0", "group0", 50,
                Duration.ZERO, 1000);
        String key = "case-" + UUID.randomUUID() + "/Activity_Check#1";
        List<Integer> entriesWhenSent = new ArrayList<>();
        try (EmbeddedLedger chain = EmbeddedLedger.open(ChainCrypto.ECDSA, embedded)) {
            Ledger watched = (Ledger) Proxy.newProxyInstance(Ledger.class.getClassLoader(), new Class<?>[] {Ledger.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("send")) {
                            entriesWhenSent.add(journalEntriesAfterCrash(key));
                        }
                        try {
                            return method.invoke(chain, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            ChainWriter writer = new ChainWriter(watched, new EngineAccount(new LedgerProperties(
                    LedgerProperties.Adapter.EMBEDDED, ChainCrypto.ECDSA, dir.resolve("department.key"), embedded, null)),
                    jdbc, transactions, FaultInjection.NONE, store);

            assertThat(writer.call(TransactionSigner.newAccount(ChainCrypto.ECDSA), key, "CaseLedger",
                    TransactionSigner.newAccount(ChainCrypto.ECDSA).address(), new byte[] {1}).succeeded()).isTrue();
        }

        assertThat(entriesWhenSent).as("the journal entry in what a kill -9 leaves as the transaction is sent").containsExactly(1);
        assertThat(journalEntriesAfterCrash(unwritten)).as("and every commit before it").isEqualTo(1);
    }

    /** Opens a copy of the database's file as it is now, as the engine would after a kill -9. */
    private int journalEntriesAfterCrash(String key) throws SQLException, IOException {
        return afterAKill().count("SELECT COUNT(*) FROM ac_chain_write WHERE write_key = ?", key);
    }

    private static WhatAKillLeaves afterAKill() {
        return new WhatAKillLeaves(dir.resolve("engine/camunda"));
    }
}
