package org.approvalchain.engine.ledger.fisco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.engine.ledger.LedgerProperties;
import org.approvalchain.engine.ledger.LedgerUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up failures against 127.0.0.1; no FISCO node runs here, so every path ends in a clear error. */
class FiscoConnectionTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    @TempDir
    Path dir;

    @Test
    void peerWithNothingListeningIsNamedWithTheConfigFileWithinTheTimeout() throws Exception {
        String peer = "127.0.0.1:" + freePort();
        Path config = ThrowawayChainFiles.ecdsaConfig(dir, peer);
        ThrowawayChainFiles.placeholderCertificates(dir.resolve("conf"), ThrowawayChainFiles.ECDSA_FILES);
        long start = System.nanoTime();

        assertThatThrownBy(() -> FiscoLedger.connect(properties(config)))
                .isInstanceOf(LedgerUnavailableException.class)
                .hasMessage("LEDGER-101 FISCO BCOS peer unreachable: " + peer + " (config: " + config + ")");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plusSeconds(2));
    }

    @Test
    void missingConfigFileStopsStartUpNamingTheFile() {
        Path config = dir.resolve("absent/config.toml");

        assertThatThrownBy(() -> FiscoLedger.connect(properties(config)))
                .hasMessage("LEDGER-100 FISCO BCOS config file not found: " + config);
    }

    @Test
    void peerThatAcceptsButNeverAnswersTimesOutNamingThePeer() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // the kernel completes the TCP handshake; nobody ever speaks TLS: the SDK would wait forever
            String peer = "127.0.0.1:" + silent.getLocalPort();
            Path config = ThrowawayChainFiles.ecdsaConfig(dir, peer);
            ThrowawayChainFiles.realEcdsaCertificates(dir.resolve("conf"));
            long start = System.nanoTime();

            assertThatThrownBy(() -> FiscoLedger.connect(properties(config)))
                    .isInstanceOf(LedgerUnavailableException.class)
                    .hasMessage("LEDGER-105 FISCO BCOS peer did not answer within 1500 ms: " + peer
                            + " (config: " + config + ")");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plusSeconds(3));
        }
    }

    @Test
    void certificatesTheSdkCannotParseAreReportedWithTheCertPath() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path config = ThrowawayChainFiles.ecdsaConfig(dir, "127.0.0.1:" + listening.getLocalPort());
            ThrowawayChainFiles.placeholderCertificates(dir.resolve("conf"), ThrowawayChainFiles.ECDSA_FILES);

            assertThatThrownBy(() -> FiscoLedger.connect(properties(config)))
                    .hasMessageStartingWith("LEDGER-104 FISCO BCOS SDK rejected the certificates in " + dir.resolve("conf"))
                    .hasMessageContaining("config: " + config);
        }
    }

    @Test
    void smConfigUnderAnEcdsaEngineIsRefusedBeforeConnecting() throws Exception {
        Path config = dir.resolve("config.toml");
        java.nio.file.Files.writeString(config, ThrowawayChainFiles.bundled("bcos-config/sm/config.toml"));
        ThrowawayChainFiles.placeholderCertificates(dir.resolve("conf"), ThrowawayChainFiles.SM_FILES);

        assertThatThrownBy(() -> FiscoLedger.connect(properties(config)))
                .hasMessage("LEDGER-107 FISCO BCOS config file has useSMCrypto=true but approvalchain.ledger.crypto"
                        + " is ecdsa (config: " + config + ")");
    }

    private LedgerProperties properties(Path config) {
        return new LedgerProperties(LedgerProperties.Adapter.FISCO, ChainCrypto.ECDSA, null, null,
                new LedgerProperties.Fisco(config, "group0", null, TIMEOUT));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
