package org.approvalchain.engine.ledger.fisco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.approvalchain.engine.ledger.LedgerUnavailableException;
import org.fisco.bcos.sdk.v3.config.ConfigOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiscoConfigTest {

    @TempDir
    Path dir;

    @Test
    void bundledEcdsaConfigParsesIntoAnEcdsaSdkConfig() throws Exception {
        Path certs = ThrowawayChainFiles.placeholderCertificates(dir.resolve("certs"), ThrowawayChainFiles.ECDSA_FILES);

        ConfigOption option = FiscoConfig.fromClasspath("bcos-config/ecdsa/config.toml", certs).option();

        assertThat(option.getCryptoMaterialConfig().getUseSmCrypto()).isFalse();
        assertThat(option.getCryptoMaterialConfig().getCertPath()).isEqualTo(certs.toString());
        assertThat(option.getNetworkConfig().getPeers()).containsExactly("127.0.0.1:20200");
        assertThat(option.getNetworkConfig().getDefaultGroup()).isEqualTo("group0");
        assertThat(option.getJniConfig().getSslType()).isEqualTo("ssl");
    }

    @Test
    void bundledSmConfigParsesIntoAnSmSdkConfigWithBothCertificatePairs() throws Exception {
        Path certs = ThrowawayChainFiles.placeholderCertificates(dir.resolve("certs"), ThrowawayChainFiles.SM_FILES);

        ConfigOption option = FiscoConfig.fromClasspath("bcos-config/sm/config.toml", certs).option();

        assertThat(option.getCryptoMaterialConfig().getUseSmCrypto()).isTrue();
        assertThat(option.getNetworkConfig().getPeers()).containsExactly("127.0.0.1:20200");
        assertThat(option.getNetworkConfig().getDefaultGroup()).isEqualTo("group0");
        assertThat(option.getJniConfig().getSslType()).isEqualTo("sm_ssl");
        assertThat(option.getJniConfig().getSmCertConfig().getEnNodeKey()).startsWith("placeholder");
    }

    @Test
    void missingConfigFileIsNamed() {
        Path missing = dir.resolve("nowhere/config.toml");

        assertThatThrownBy(() -> FiscoConfig.load(missing, null))
                .isInstanceOf(LedgerUnavailableException.class)
                .hasMessage("LEDGER-100 FISCO BCOS config file not found: " + missing);
    }

    @Test
    void missingKeyIsNamedWithItsFullPath() throws Exception {
        Path config = ThrowawayChainFiles.ecdsaConfig(dir, "127.0.0.1:20200");
        ThrowawayChainFiles.placeholderCertificates(dir.resolve("conf"), java.util.List.of("ca.crt", "sdk.crt"));

        assertThatThrownBy(() -> FiscoConfig.load(config, null))
                .isInstanceOf(LedgerUnavailableException.class)
                .hasMessageStartingWith("LEDGER-102 FISCO BCOS key missing: " + dir.resolve("conf/sdk.key"))
                .hasMessageContaining("config: " + config);
    }

    @Test
    void missingSmEncryptionCertificateIsNamed() throws Exception {
        Path certs = ThrowawayChainFiles.placeholderCertificates(dir.resolve("sm"),
                java.util.List.of("sm_ca.crt", "sm_sdk.crt", "sm_sdk.key", "sm_ensdk.key"));

        assertThatThrownBy(() -> FiscoConfig.fromClasspath("bcos-config/sm/config.toml", certs))
                .hasMessageStartingWith("LEDGER-102 FISCO BCOS certificate missing: " + certs.resolve("sm_ensdk.crt"));
    }

    @Test
    void relativeCertPathIsResolvedAgainstTheConfigFolder() throws Exception {
        Path config = ThrowawayChainFiles.ecdsaConfig(dir, "127.0.0.1:20200");
        ThrowawayChainFiles.placeholderCertificates(dir.resolve("conf"), ThrowawayChainFiles.ECDSA_FILES);

        FiscoConfig loaded = FiscoConfig.load(config, null);

        assertThat(loaded.certPath()).isEqualTo(dir.resolve("conf").toString());
        assertThat(loaded.smCrypto()).isFalse();
        assertThat(Files.exists(Path.of(loaded.option().getCryptoMaterialConfig().getCertPath(), "sdk.key"))).isTrue();
    }
}
