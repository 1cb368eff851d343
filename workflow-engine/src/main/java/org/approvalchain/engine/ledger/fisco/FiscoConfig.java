package org.approvalchain.engine.ledger.fisco;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.moandjiezana.toml.Toml;
import org.approvalchain.engine.ledger.LedgerUnavailableException;
import org.fisco.bcos.sdk.v3.config.ConfigOption;
import org.fisco.bcos.sdk.v3.config.exceptions.ConfigException;
import org.fisco.bcos.sdk.v3.config.model.ConfigProperty;

/**
 * A FISCO BCOS SDK {@code config.toml}, read and checked before the SDK sees it, so that a missing
 * file or certificate is reported by name instead of as the SDK's "parse Config failed". A relative
 * {@code certPath} (and relative certificate paths) are resolved against the config file's folder.
 */
final class FiscoConfig {

    /** Files the SDK loads from {@code certPath} unless the config names them itself: key → default. */
    private static final Map<String, String> ECDSA_FILES =
            orderedMap("caCert", "ca.crt", "sslCert", "sdk.crt", "sslKey", "sdk.key");
    private static final Map<String, String> SM_FILES = orderedMap("caCert", "sm_ca.crt",
            "sslCert", "sm_sdk.crt", "sslKey", "sm_sdk.key", "enSslCert", "sm_ensdk.crt", "enSslKey", "sm_ensdk.key");

    private final String source;
    private final ConfigProperty property;

    private FiscoConfig(String source, ConfigProperty property) {
        this.source = source;
        this.property = property;
    }

    /** Reads the config file; {@code certPathOverride} (nullable) replaces its {@code certPath}. */
    static FiscoConfig load(Path configFile, Path certPathOverride) {
        if (configFile == null) {
            throw new LedgerUnavailableException("LEDGER-100",
                    "FISCO BCOS config file not set: set approvalchain.ledger.fisco.config-file");
        }
        Path file = configFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new LedgerUnavailableException("LEDGER-100", "FISCO BCOS config file not found: " + file);
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), reader, file.getParent(), certPathOverride);
        } catch (IOException e) {
            throw new LedgerUnavailableException("LEDGER-100", "FISCO BCOS config file unreadable: " + file, e);
        }
    }

    /** Reads a config bundled on the classpath (tests, demos); relative paths resolve against the working directory. */
    static FiscoConfig fromClasspath(String resource, Path certPathOverride) {
        InputStream in = FiscoConfig.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new LedgerUnavailableException("LEDGER-100", "FISCO BCOS config file not found: classpath:" + resource);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read("classpath:" + resource, reader, Path.of("").toAbsolutePath(), certPathOverride);
        } catch (IOException e) {
            throw new LedgerUnavailableException("LEDGER-100", "FISCO BCOS config file unreadable: classpath:" + resource, e);
        }
    }

    private static FiscoConfig read(String source, Reader toml, Path baseDir, Path certPathOverride) {
        ConfigProperty property;
        try {
            property = new Toml().read(toml).to(ConfigProperty.class);
        } catch (RuntimeException e) {
            throw new LedgerUnavailableException("LEDGER-103", "FISCO BCOS config file is not valid TOML: "
                    + source + ": " + e.getMessage(), e);
        }
        Map<String, Object> crypto = new HashMap<>(property.getCryptoMaterial() == null ? Map.of() : property.getCryptoMaterial());
        property.setCryptoMaterial(crypto);
        if (!Boolean.parseBoolean(String.valueOf(crypto.get("disableSsl")))) {
            resolveCertificates(source, crypto, baseDir, certPathOverride);
        }
        FiscoConfig config = new FiscoConfig(source, property);
        if (config.peers().isEmpty()) {
            throw new LedgerUnavailableException("LEDGER-103", "FISCO BCOS config file lists no peers in [network] peers: " + source);
        }
        return config;
    }

    /** Makes every certificate path absolute in the config and fails naming the first one missing. */
    private static void resolveCertificates(String source, Map<String, Object> crypto, Path baseDir,
                                            Path certPathOverride) {
        Object configured = crypto.getOrDefault("certPath", "conf");
        Path certPath = baseDir.resolve(certPathOverride != null ? certPathOverride : Path.of(String.valueOf(configured)));
        crypto.put("certPath", certPath.normalize().toString());
        boolean sm = Boolean.parseBoolean(String.valueOf(crypto.get("useSMCrypto")));
        (sm ? SM_FILES : ECDSA_FILES).forEach((key, defaultName) -> {
            Object named = crypto.get(key);
            Path file = named == null ? certPath.resolve(defaultName) : baseDir.resolve(String.valueOf(named));
            if (!Files.isRegularFile(file)) {
                throw new LedgerUnavailableException("LEDGER-102", "FISCO BCOS " + (defaultName.endsWith(".key") ? "key" : "certificate")
                        + " missing: " + file.normalize() + " (copy nodes/<ip>/sdk/* of build_chain.sh into "
                        + certPath.normalize() + "; config: " + source + ")");
            }
            crypto.put(key, file.normalize().toString());
        });
    }

    /** Where the configuration came from: an absolute file path or {@code classpath:…}. */
    String source() {
        return source;
    }

    @SuppressWarnings("unchecked")
    List<String> peers() {
        Map<String, Object> network = property.getNetwork();
        Object peers = network == null ? null : network.get("peers");
        return peers instanceof List<?> list ? new ArrayList<>((List<String>) list) : List.of();
    }

    boolean smCrypto() {
        return Boolean.parseBoolean(String.valueOf(property.getCryptoMaterial().get("useSMCrypto")));
    }

    String certPath() {
        return String.valueOf(property.getCryptoMaterial().get("certPath"));
    }

    /** The SDK's view of this configuration; it reads the certificate files now. */
    ConfigOption option() {
        try {
            return new ConfigOption(property);
        } catch (ConfigException | RuntimeException e) {
            throw new LedgerUnavailableException("LEDGER-103", "FISCO BCOS config file rejected by the SDK: "
                    + source + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
