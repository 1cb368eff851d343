package org.approvalchain.engine.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.engine.ledger.LedgerProperties;
import org.approvalchain.engine.ledger.SdkTransactionWriter;
import org.approvalchain.engine.ledger.SignedTransaction;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Transactions signed by the FISCO SDK's own native signer (in a separate JVM, as a real client
 * would be) are accepted, executed, sealed, and still there after a restart.
 */
class SdkSignedTransactionsTest {

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void executesTransactionsSignedByTheSdksNativeSigner(ChainCrypto crypto) throws Exception {
        LedgerProperties.Embedded settings = new LedgerProperties.Embedded(dataDir, "chain0", "group0", 10,
                Duration.ofMillis(5), 1000);
        List<String> client = runSdkClient(crypto, "chain0", "group0", 400);
        String sdkAccount = client.get(0);
        String predictedContract = client.get(1);
        String stateRoot;
        try (EmbeddedLedger ledger = EmbeddedLedger.open(crypto, settings)) {
            TransactionReceipt deployed = ledger.send(new SignedTransaction(client.get(2), null));
            assertThat(deployed.succeeded()).as(deployed.revertReason()).isTrue();
            assertThat(deployed.from()).isEqualTo(sdkAccount);
            assertThat(deployed.contractAddress()).isEqualTo(predictedContract);
            TransactionReceipt opened = ledger.send(new SignedTransaction(client.get(3), null));
            assertThat(opened.succeeded()).as(opened.revertReason()).isTrue();
            assertThat(opened.logs()).hasSize(1);
            stateRoot = ledger.blockByNumber(opened.blockNumber()).orElseThrow().stateRoot();
        }
        try (EmbeddedLedger reopened = EmbeddedLedger.open(crypto, settings)) {
            assertThat(reopened.blockByNumber(reopened.status().blockNumber()).orElseThrow().stateRoot()).isEqualTo(stateRoot);
        }
    }

    private static List<String> runSdkClient(ChainCrypto crypto, String chain, String group, long blockLimit)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SdkTransactionWriter.class.getName(),
                crypto.name(), chain, group, Long.toString(blockLimit))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("SDK client output: %s", out).isZero();
        List<String> lines = out.lines().filter(l -> l.startsWith("0x") || l.matches("[0-9a-f]+")).toList();
        assertThat(lines).hasSize(4);
        return lines;
    }
}
