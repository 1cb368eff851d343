package org.approvalchain.engine.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.contracts.ContractArtifact;
import org.approvalchain.engine.ledger.Block;
import org.approvalchain.engine.ledger.LedgerProperties;
import org.approvalchain.engine.ledger.LedgerStatus;
import org.approvalchain.engine.ledger.SealedTransaction;
import org.approvalchain.engine.ledger.SignedTransaction;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.approvalchain.engine.ledger.TransactionRejectedException;
import org.approvalchain.engine.ledger.TransactionSigner;
import org.fisco.bcos.sdk.v3.codec.abi.FunctionEncoder;
import org.fisco.bcos.sdk.v3.codec.datatypes.Function;
import org.fisco.bcos.sdk.v3.codec.datatypes.Type;
import org.fisco.bcos.sdk.v3.codec.datatypes.Utf8String;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Bytes32;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Uint256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EmbeddedLedgerTest {

    @TempDir
    Path dataDir;

    private LedgerProperties.Embedded settings() {
        return settings(dataDir);
    }

    private static LedgerProperties.Embedded settings(Path dir) {
        return new LedgerProperties.Embedded(dir, "chain0", "group0", 50, Duration.ofMillis(10), 1000);
    }

    private static byte[] openCase(ChainCrypto crypto, String caseId) {
        List<Type> args = List.of(new Utf8String(caseId), new Utf8String("business-registration:1:abc"),
                new Uint256(1), new Bytes32(new byte[32]));
        return new FunctionEncoder(crypto.hashing()).encode(new Function("openCase", args, List.of()));
    }

    private static String deployCaseLedger(EmbeddedLedger ledger, TransactionSigner signer) {
        ContractArtifact artifact = ContractArtifact.load("CaseLedger", signer.crypto());
        TransactionReceipt receipt = ledger.send(signer.deploy(ledger.status(), artifact.bytecode(), artifact.abi()));
        assertThat(receipt.succeeded()).as("deployment: %s", receipt.revertReason()).isTrue();
        return receipt.contractAddress();
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void sealsSdkSignedTransactionsAndContinuesTheSameChainAfterRestart(ChainCrypto crypto) {
        TransactionSigner signer = TransactionSigner.newAccount(crypto);
        Block before;
        String contract;
        String txHash;
        SignedTransaction sent;
        try (EmbeddedLedger ledger = EmbeddedLedger.open(crypto, settings())) {
            contract = deployCaseLedger(ledger, signer);
            sent = signer.call(ledger.status(), contract, openCase(crypto, "case-1"));
            TransactionReceipt receipt = ledger.send(sent);
            assertThat(receipt.succeeded()).isTrue();
            assertThat(receipt.from()).isEqualTo(signer.address());
            assertThat(receipt.logs()).hasSize(1);
            assertThat(receipt.blockNumber()).isEqualTo(ledger.status().blockNumber());
            txHash = receipt.transactionHash();
            before = ledger.blockByNumber(ledger.status().blockNumber()).orElseThrow();
            assertThat(before.transactionHashes()).contains(txHash);
            assertThat(before.parentHash()).isEqualTo(ledger.blockByNumber(before.number() - 1).orElseThrow().hash());
        }
        try (EmbeddedLedger reopened = EmbeddedLedger.open(crypto, settings())) {
            Block after = reopened.blockByNumber(before.number()).orElseThrow();
            assertThat(after).isEqualTo(before);
            assertThat(reopened.status().latestBlockHash()).isEqualTo(before.hash());
            assertThat(reopened.blockByHash(before.hash())).contains(before);
            assertThat(reopened.receipt(txHash)).get().extracting(TransactionReceipt::blockNumber).isEqualTo(before.number());
            assertThatThrownBy(() -> reopened.send(sent)).hasMessageContaining("replayed");
            // the state survived: opening the same case again now reverts
            TransactionReceipt again = reopened.send(signer.call(reopened.status(), contract, openCase(crypto, "case-1")));
            assertThat(again.status()).isEqualTo(TransactionReceipt.STATUS_REVERTED);
            assertThat(again.revertReason()).isEqualTo("CaseLedger: case already opened");
            assertThat(reopened.verifyChain()).isEmpty();
        }
    }

    /**
     * A block store created before transactions and receipts were kept in the row has them as H2
     * large objects ({@code CLOB}, {@code BLOB}); the ledger opens it as it is and goes on with it.
     */
    @Test
    void goesOnWithAStoreThatKeepsTransactionsAndReceiptsAsLargeObjects() throws SQLException {
        try (Connection c = blockStore(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE blocks (number BIGINT PRIMARY KEY, hash VARCHAR(66) NOT NULL UNIQUE,
                      parent_hash VARCHAR(66) NOT NULL, timestamp BIGINT NOT NULL, state_root VARCHAR(66) NOT NULL,
                      transactions_root VARCHAR(66) NOT NULL, receipts_root VARCHAR(66) NOT NULL,
                      sealer VARCHAR(42) NOT NULL, signature VARCHAR(512) NOT NULL);
                    CREATE TABLE transactions (hash VARCHAR(66) PRIMARY KEY, block_number BIGINT NOT NULL,
                      position INT NOT NULL, sender VARCHAR(42) NOT NULL, encoded CLOB NOT NULL);
                    CREATE TABLE receipts (transaction_hash VARCHAR(66) PRIMARY KEY,
                      block_number BIGINT NOT NULL, position INT NOT NULL, encoded BLOB NOT NULL);
                    """);
        }
        TransactionSigner signer = TransactionSigner.newAccount(ChainCrypto.ECDSA);
        String txHash;
        try (EmbeddedLedger ledger = EmbeddedLedger.open(ChainCrypto.ECDSA, settings())) {
            String contract = deployCaseLedger(ledger, signer);
            txHash = ledger.send(signer.call(ledger.status(), contract, openCase(ChainCrypto.ECDSA, "case-1"))).transactionHash();
        }
        try (EmbeddedLedger reopened = EmbeddedLedger.open(ChainCrypto.ECDSA, settings())) {
            assertThat(reopened.receipt(txHash)).get().extracting(TransactionReceipt::succeeded).isEqualTo(true);
            assertThat(reopened.verifyChain()).isEmpty();
        }
        List<String> types = new ArrayList<>();
        try (Connection c = blockStore(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT TABLE_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS "
                     + "WHERE COLUMN_NAME = 'ENCODED' ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                types.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        assertThat(types).containsExactly("RECEIPTS BINARY LARGE OBJECT", "TRANSACTIONS CHARACTER LARGE OBJECT");
    }

    /** The embedded ledger's block store, opened directly (the ledger closed). */
    private Connection blockStore() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("chain").toAbsolutePath(), "ledger", "");
    }

    /**
     * A copy of the data directory taken while the ledger runs is what a {@code kill -9} leaves: the
     * blocks stored, the EVM state in LevelDB only as far as its last commit (every {@value
     * BlockSealer#COMMIT_BLOCKS} blocks). Opened, it executes the blocks after that again.
     */
    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void continuesFromItsBlocksWhenKilledBeforeTheirStateWasCommitted(ChainCrypto crypto) throws IOException {
        TransactionSigner signer = TransactionSigner.newAccount(crypto);
        Path killed = dataDir.resolveSibling(dataDir.getFileName() + "-killed");
        String contract;
        long height;
        try (EmbeddedLedger ledger = EmbeddedLedger.open(crypto, settings())) {
            contract = deployCaseLedger(ledger, signer);
            assertThat(ledger.send(signer.call(ledger.status(), contract, openCase(crypto, "case-1"))).succeeded()).isTrue();
            height = ledger.status().blockNumber();
            copy(dataDir, killed);
        }
        assertThat(EvmState.committed(killed.resolve("state")).orElseThrow().blockNumber()).isLessThan(height);

        try (EmbeddedLedger reopened = EmbeddedLedger.open(crypto, settings(killed))) {
            assertThat(reopened.status().blockNumber()).isEqualTo(height);
            // the contract and the case opened are in the state again: opening the case once more reverts
            TransactionReceipt again = reopened.send(signer.call(reopened.status(), contract, openCase(crypto, "case-1")));
            assertThat(again.revertReason()).isEqualTo("CaseLedger: case already opened");
            assertThat(reopened.verifyChain()).isEmpty();
        }
        assertThat(EvmState.committed(killed.resolve("state")).orElseThrow().blockNumber()).isEqualTo(height + 1);
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void refusesToOpenWhenItsBlocksExecutedAgainGiveOtherReceipts(ChainCrypto crypto) throws IOException {
        TransactionSigner signer = TransactionSigner.newAccount(crypto);
        Path killed = dataDir.resolveSibling(dataDir.getFileName() + "-killed");
        try (EmbeddedLedger ledger = EmbeddedLedger.open(crypto, settings())) {
            String contract = deployCaseLedger(ledger, signer);
            ledger.send(signer.call(ledger.status(), contract, openCase(crypto, "case-1")));
            copy(dataDir, killed);
        }
        // the state of the case's block named as that of the block before: the contract is there, the case already open
        Path named = killed.resolve("state").resolve(EvmState.COMMITTED);
        String[] fields = Files.readString(named).split(" ");
        Files.writeString(named, "1 " + fields[1]);
        assertThatThrownBy(() -> EmbeddedLedger.open(crypto, settings(killed))).isInstanceOf(ChainCorruptedException.class)
                .hasMessageContaining("LEDGER-210").hasMessageContaining("block 2: executed again");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void givesBackEachSealedTransactionWithItsCallDataAfterRestart(ChainCrypto crypto) {
        TransactionSigner signer = TransactionSigner.newAccount(crypto);
        String contract;
        String deployment;
        String call;
        try (EmbeddedLedger ledger = EmbeddedLedger.open(crypto, settings())) {
            ContractArtifact artifact = ContractArtifact.load("CaseLedger", crypto);
            TransactionReceipt deployed = ledger.send(signer.deploy(ledger.status(), artifact.bytecode(), artifact.abi()));
            contract = deployed.contractAddress();
            deployment = deployed.transactionHash();
            call = ledger.send(signer.call(ledger.status(), contract, openCase(crypto, "case-7"))).transactionHash();
        }
        try (EmbeddedLedger reopened = EmbeddedLedger.open(crypto, settings())) {
            SealedTransaction sealed = reopened.transaction(call.toUpperCase().replace("0X", "0x")).orElseThrow();
            assertThat(sealed.hash()).isEqualTo(call);
            assertThat(sealed.from()).isEqualTo(signer.address());
            assertThat(sealed.to()).isEqualToIgnoringCase(contract);
            assertThat(sealed.input()).isEqualTo(openCase(crypto, "case-7"));
            assertThat(sealed.isDeployment()).isFalse();
            assertThat(reopened.transaction(deployment)).get().satisfies(d -> {
                assertThat(d.isDeployment()).isTrue();
                assertThat(d.input()).startsWith(ContractArtifact.load("CaseLedger", crypto).bytecode());
            });
            assertThat(reopened.transaction("0x" + "ab".repeat(32))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void listsAContractsEventsInOrderAcrossBlocks(ChainCrypto crypto) {
        TransactionSigner signer = TransactionSigner.newAccount(crypto);
        try (EmbeddedLedger ledger = EmbeddedLedger.open(crypto, settings())) {
            String contract = deployCaseLedger(ledger, signer);
            String other = deployCaseLedger(ledger, signer);
            long from = ledger.status().blockNumber() + 1;
            for (String caseId : List.of("a", "b", "c")) {
                assertThat(ledger.send(signer.call(ledger.status(), contract, openCase(crypto, caseId))).succeeded()).isTrue();
                assertThat(ledger.send(signer.call(ledger.status(), other, openCase(crypto, caseId))).succeeded()).isTrue();
            }
            var events = ledger.events(contract, from, ledger.status().blockNumber());
            assertThat(events).hasSize(3).allSatisfy(e -> assertThat(e.address()).isEqualTo(contract));
            assertThat(events).extracting(e -> e.blockNumber()).isSorted();
            assertThat(ledger.events(contract, 0, from - 1)).extracting(e -> e.address()).containsOnly(contract);
        }
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void rejectsForgedWrongChainExpiredAndReplayedTransactions(ChainCrypto crypto) {
        TransactionSigner signer = TransactionSigner.newAccount(crypto);
        try (EmbeddedLedger ledger = EmbeddedLedger.open(crypto, settings())) {
            String contract = deployCaseLedger(ledger, signer);
            LedgerStatus status = ledger.status();

            SignedTransaction good = signer.call(status, contract, openCase(crypto, "c"));
            String forged = good.encoded().substring(0, good.encoded().length() - 8) + flip(good.encoded().substring(good.encoded().length() - 8));
            assertThatThrownBy(() -> ledger.send(new SignedTransaction(forged, good.hash())))
                    .isInstanceOf(TransactionRejectedException.class);

            LedgerStatus otherChain = new LedgerStatus("x", crypto, "chain9", status.groupId(), status.blockNumber(), "");
            assertThatThrownBy(() -> ledger.send(signer.call(otherChain, contract, openCase(crypto, "c"))))
                    .hasMessageContaining("wrong chain id 'chain9'");
            LedgerStatus otherGroup = new LedgerStatus("x", crypto, status.chainId(), "group9", status.blockNumber(), "");
            assertThatThrownBy(() -> ledger.send(signer.call(otherGroup, contract, openCase(crypto, "c"))))
                    .hasMessageContaining("wrong group id 'group9'");
            assertThatThrownBy(() -> ledger.send(signer.sign(status, contract, openCase(crypto, "c"), "", status.blockNumber())))
                    .hasMessageContaining("expired");

            assertThat(ledger.send(good).succeeded()).isTrue();
            assertThatThrownBy(() -> ledger.send(good)).hasMessageContaining("replayed");
        }
    }

    private static String flip(String hex) {
        StringBuilder out = new StringBuilder();
        for (char c : hex.toCharArray()) {
            out.append(c == '0' ? '1' : '0');
        }
        return out.toString();
    }
}
