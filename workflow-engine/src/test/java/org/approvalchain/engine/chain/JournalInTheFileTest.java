package org.approvalchain.engine.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.engine.database.EmbeddedStore;
import org.approvalchain.engine.database.WholeCommits;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.ledger.LedgerProperties;
import org.approvalchain.engine.ledger.SignedTransaction;
import org.approvalchain.engine.ledger.TransactionSigner;
import org.approvalchain.engine.ledger.embedded.EmbeddedLedger;
import org.approvalchain.engine.support.WhatAKillLeaves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
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
 * the very same transaction. A later write of a case has its entry in the journal ahead of the
 * database instead ({@link JournalAhead}), which the restart puts back.
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
            ChainWriter writer = new ChainWriter(watched, account(embedded), jdbc, transactions, FaultInjection.NONE, store,
                    new JournalAhead(store));

            assertThat(writer.call(TransactionSigner.newAccount(ChainCrypto.ECDSA), key, "CaseLedger",
                    TransactionSigner.newAccount(ChainCrypto.ECDSA).address(), new byte[] {1}).succeeded()).isTrue();
        }

        assertThat(entriesWhenSent).as("the journal entry in what a kill -9 leaves as the transaction is sent").containsExactly(1);
        assertThat(journalEntriesAfterCrash(unwritten)).as("and every commit before it").isEqualTo(1);
    }

    @Test
    void aLaterWriteOfACaseGoesAheadOfTheDatabaseAndARestartAfterAKillPutsItsEntryBack() throws Exception {
        EmbeddedStore store = new EmbeddedStore(new WholeCommits(dataSource));
        store.writeWhatItHolds();
        JournalAhead ahead = new JournalAhead(store);
        LedgerProperties.Embedded embedded = new LedgerProperties.Embedded(dir.resolve("ledger-ahead"), "chain0", "group0", 50,
                Duration.ZERO, 1000);
        String caseId = "case-" + UUID.randomUUID();
        String first = caseId + "/Activity_Check#1/step";
        String later = caseId + "/Activity_Issue#1/step";
        List<Integer> entriesWhenSent = new ArrayList<>();
        Path killed = dir.resolve("killed-" + UUID.randomUUID());
        List<String> sent = new ArrayList<>();
        try (EmbeddedLedger chain = EmbeddedLedger.open(ChainCrypto.ECDSA, embedded)) {
            Ledger watched = (Ledger) Proxy.newProxyInstance(Ledger.class.getClassLoader(), new Class<?>[] {Ledger.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("send")) {
                            String key = sent.isEmpty() ? first : later;
                            entriesWhenSent.add(journalEntriesAfterCrash(key));
                            sent.add(((SignedTransaction) args[0]).hash());
                            if (key.equals(later)) {
                                killHere(killed);
                            }
                        }
                        try {
                            return method.invoke(chain, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            TransactionSigner department = TransactionSigner.newAccount(ChainCrypto.ECDSA);
            String to = TransactionSigner.newAccount(ChainCrypto.ECDSA).address();
            ChainWriter writer = new ChainWriter(watched, account(embedded), jdbc, transactions, FaultInjection.NONE, store, ahead);
            writer.callForCase(department, caseId, first, "CaseLedger", to, new byte[] {1});
            writer.callForCase(department, caseId, later, "CaseLedger", to, new byte[] {2});
            assertThat(entriesWhenSent).as("the case's first write waits for the store, the later one does not")
                    .containsExactly(1, 0);

            DriverManagerDataSource restarted = new DriverManagerDataSource("jdbc:h2:file:" + killed + ";WRITE_DELAY=2147483647",
                    "sa", "");
            JdbcTemplate restartedJdbc = new JdbcTemplate(restarted);
            assertThat(restartedJdbc.queryForObject("SELECT COUNT(*) FROM ac_chain_write WHERE write_key = ?", Integer.class, later))
                    .as("the later write's entry lost with the kill").isZero();
            EmbeddedStore restartedStore = new EmbeddedStore(new WholeCommits(restarted));
            ChainWriter afterRestart = new ChainWriter(chain, account(embedded), restartedJdbc,
                    new DataSourceTransactionManager(restarted), FaultInjection.NONE, restartedStore,
                    new JournalAhead(restartedStore));
            afterRestart.putBackWhatTheLastRunWroteAhead();

            assertThat(restartedJdbc.queryForObject("SELECT tx_hash FROM ac_chain_write WHERE write_key = ?", String.class, later))
                    .as("put back from the entries written ahead").isEqualTo(sent.get(1));
            assertThat(aheadFiles(killed)).as("let go of once put back and stored").isEmpty();
            assertThat(afterRestart.callForCase(department, caseId, later, "CaseLedger", to, new byte[] {3}).transactionHash())
                    .as("the retry takes the transaction the chain has, not a new one").isEqualTo(sent.get(1));
        }
    }

    /** Copies the database's file and the journal entries written ahead of it as a kill -9 now would leave them. */
    private static void killHere(Path killed) throws IOException {
        Path database = dir.resolve("engine/camunda.mv.db");
        Files.copy(database, Path.of(killed + ".mv.db"));
        for (Path f : aheadFiles(database.getParent().resolve("camunda"))) {
            Files.copy(f, Path.of(killed + f.getFileName().toString().substring("camunda".length())));
        }
    }

    private static List<Path> aheadFiles(Path database) throws IOException {
        try (Stream<Path> files = Files.list(database.getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith(database.getFileName() + ".mv.db.journal-ahead."))
                    .toList();
        }
    }

    private EngineAccount account(LedgerProperties.Embedded embedded) {
        return new EngineAccount(new LedgerProperties(LedgerProperties.Adapter.EMBEDDED, ChainCrypto.ECDSA,
                dir.resolve("department.key"), embedded, null));
    }

    /** Opens a copy of the database's file as it is now, as the engine would after a kill -9. */
    private int journalEntriesAfterCrash(String key) throws SQLException, IOException {
        return afterAKill().count("SELECT COUNT(*) FROM ac_chain_write WHERE write_key = ?", key);
    }

    private static WhatAKillLeaves afterAKill() {
        return new WhatAKillLeaves(dir.resolve("engine/camunda"));
    }
}
