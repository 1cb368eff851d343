package org.approvalchain.engine.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.contracts.ContractArtifact;
import org.approvalchain.engine.ledger.LedgerProperties;
import org.approvalchain.engine.ledger.LedgerStatus;
import org.approvalchain.engine.ledger.SignedTransaction;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.approvalchain.engine.ledger.TransactionSigner;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every edit to the stored chain is found when the ledger opens; opened as the engine opens it (the
 * latest block first, the rest in the background), an edit of the latest block stops the opening
 * and an edit of an older one makes the ledger refuse everything once the background finds it.
 */
class ChainTamperingTest {

    @TempDir
    Path dataDir;

    private LedgerProperties.Embedded settings;

    @BeforeEach
    void chainWithTwoContractDeployments() {
        settings = new LedgerProperties.Embedded(dataDir, "chain0", "group0", 1, Duration.ofMillis(5), 1000);
        TransactionSigner signer = TransactionSigner.newAccount(ChainCrypto.ECDSA);
        try (EmbeddedLedger ledger = EmbeddedLedger.open(ChainCrypto.ECDSA, settings)) {
            for (String name : List.of("CaseLedger", "DecisionRegistry")) {
                ContractArtifact a = ContractArtifact.load(name, ChainCrypto.ECDSA);
                var receipt = ledger.send(signer.deploy(ledger.status(), a.bytecode(), a.abi()));
                assertThat(receipt.succeeded()).as("%s: %s", name, receipt.revertReason()).isTrue();
            }
            assertThat(ledger.status().blockNumber()).isEqualTo(2);
        }
    }

    @Test
    void untouchedChainOpensClean() {
        try (EmbeddedLedger ledger = EmbeddedLedger.open(ChainCrypto.ECDSA, settings)) {
            assertThat(ledger.verifyChain()).isEmpty();
        }
    }

    @Test
    void detectsAnEditedBlockHeader() throws SQLException {
        edit("UPDATE blocks SET timestamp = timestamp + 1 WHERE number = 1");
        assertCorrupted("block 1: header does not match the block hash");
    }

    @Test
    void detectsAReplacedBlockHash() throws SQLException {
        edit("UPDATE blocks SET hash = '0x" + "ab".repeat(32) + "' WHERE number = 1");
        assertCorrupted("block 2: parent hash does not link to block 1");
    }

    @Test
    void detectsAnEditedTransaction() throws SQLException {
        edit("UPDATE transactions SET encoded = REPLACE(encoded, 'a', 'b') WHERE block_number = 2");
        assertCorrupted("block 2: transactions do not match the transactions root");
    }

    @Test
    void detectsAnEditedReceipt() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT encoded FROM receipts WHERE block_number = 1");
            rs.next();
            byte[] receipt = rs.getBytes(1);
            receipt[receipt.length - 1] ^= 1;
            try (var ps = c.prepareStatement("UPDATE receipts SET encoded = ? WHERE block_number = 1")) {
                ps.setBytes(1, receipt);
                ps.executeUpdate();
            }
        }
        assertCorrupted("block 1: receipts do not match the receipts root");
    }

    @Test
    void detectsADeletedBlock() throws SQLException {
        edit("DELETE FROM blocks WHERE number = 1");
        assertCorrupted("block 1 is missing");
    }

    @Test
    void backgroundVerificationLeavesAnUntouchedChainInService() throws InterruptedException {
        try (EmbeddedLedger ledger = EmbeddedLedger.openVerifyingInBackground(ChainCrypto.ECDSA, settings)) {
            ledger.awaitBackgroundVerification(Duration.ofSeconds(30));
            assertThat(ledger.status().blockNumber()).isEqualTo(2);
            assertThat(deploy(ledger).succeeded()).isTrue();
        }
    }

    @Test
    void backgroundVerificationRefusesTheLedgerOnceItFindsAnEditedOlderBlock() throws Exception {
        edit("UPDATE blocks SET timestamp = timestamp + 1 WHERE number = 1");
        ContractArtifact a = ContractArtifact.load("CaseLedger", ChainCrypto.ECDSA);
        SignedTransaction deployment = TransactionSigner.newAccount(ChainCrypto.ECDSA).deploy(
                new LedgerStatus("embedded", ChainCrypto.ECDSA, settings.chainId(), settings.groupId(), 2, null),
                a.bytecode(), a.abi());
        try (EmbeddedLedger ledger = EmbeddedLedger.openVerifyingInBackground(ChainCrypto.ECDSA, settings)) {
            ledger.awaitBackgroundVerification(Duration.ofSeconds(30));
            for (ThrowingCallable use : List.<ThrowingCallable>of(ledger::status, () -> ledger.send(deployment),
                    () -> ledger.blockByNumber(2), () -> ledger.call(settings.chainId(), "0x" + "00".repeat(20), new byte[0]))) {
                assertThatThrownBy(use).isInstanceOf(ChainCorruptedException.class)
                        .hasMessageStartingWith("LEDGER-210")
                        .satisfies(e -> assertThat(((ChainCorruptedException) e).findings())
                                .containsExactly("block 1: header does not match the block hash"));
            }
        }
    }

    @Test
    void backgroundVerificationStillStopsTheOpeningOnAnEditedLatestBlock() throws SQLException {
        edit("UPDATE blocks SET timestamp = timestamp + 1 WHERE number = 2");
        assertThatThrownBy(() -> EmbeddedLedger.openVerifyingInBackground(ChainCrypto.ECDSA, settings))
                .isInstanceOf(ChainCorruptedException.class)
                .satisfies(e -> assertThat(((ChainCorruptedException) e).findings())
                        .containsExactly("block 2: header does not match the block hash"));
    }

    @Test
    void backgroundVerificationStopsTheOpeningWhenTheLatestBlocksParentIsMissing() throws SQLException {
        edit("DELETE FROM blocks WHERE number = 1");
        assertThatThrownBy(() -> EmbeddedLedger.openVerifyingInBackground(ChainCrypto.ECDSA, settings))
                .isInstanceOf(ChainCorruptedException.class)
                .satisfies(e -> assertThat(((ChainCorruptedException) e).findings()).containsExactly("block 1 is missing"));
    }

    private static TransactionReceipt deploy(EmbeddedLedger ledger) {
        ContractArtifact a = ContractArtifact.load("CaseLedger", ChainCrypto.ECDSA);
        return ledger.send(TransactionSigner.newAccount(ChainCrypto.ECDSA).deploy(ledger.status(), a.bytecode(), a.abi()));
    }

    private void assertCorrupted(String finding) {
        assertThatThrownBy(() -> EmbeddedLedger.open(ChainCrypto.ECDSA, settings))
                .isInstanceOf(ChainCorruptedException.class)
                .satisfies(e -> assertThat(((ChainCorruptedException) e).findings()).contains(finding));
    }

    private void edit(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate(sql)).isPositive();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("chain").toAbsolutePath(), "ledger", "");
    }
}
