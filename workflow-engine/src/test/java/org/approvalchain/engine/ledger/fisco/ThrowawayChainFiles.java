package org.approvalchain.engine.ledger.fisco;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes SDK config files and certificate folders into a test's temporary directory. Keys made
 * here are throw-away: generated per test with the JDK's keytool, never committed.
 */
final class ThrowawayChainFiles {

    static final List<String> ECDSA_FILES = List.of("ca.crt", "sdk.crt", "sdk.key");
    static final List<String> SM_FILES = List.of("sm_ca.crt", "sm_sdk.crt", "sm_sdk.key", "sm_ensdk.crt", "sm_ensdk.key");

    private ThrowawayChainFiles() {
    }

    /** A config.toml beside a {@code conf} folder, for an ECDSA chain at the given peers. */
    static Path ecdsaConfig(Path dir, String... peers) throws IOException {
        String quoted = String.join(", ", java.util.Arrays.stream(peers).map(p -> "\"" + p + "\"").toList());
        String toml = bundled("bcos-config/ecdsa/config.toml").replace("[\"127.0.0.1:20200\"]", "[" + quoted + "]");
        Path file = dir.resolve("config.toml");
        Files.writeString(file, toml);
        Files.createDirectories(dir.resolve("conf"));
        return file;
    }

    static String bundled(String resource) throws IOException {
        try (InputStream in = ThrowawayChainFiles.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Files with the right names but no PEM inside: enough for every check before the SDK parses them. */
    static Path placeholderCertificates(Path certDir, List<String> names) throws IOException {
        Files.createDirectories(certDir);
        for (String name : names) {
            Files.writeString(certDir.resolve(name), "placeholder, not a certificate\n");
        }
        return certDir;
    }

    /** A real (self-signed, one-day) ECDSA CA/SDK pair that the SDK's TLS context accepts. */
    static Path realEcdsaCertificates(Path certDir) throws Exception {
        Files.createDirectories(certDir);
        Path store = certDir.resolve("throwaway.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "sdk", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=throwaway", "-validity", "1", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed to make a throw-away key");
        }
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "changeit".toCharArray());
        }
        Files.delete(store);
        PrivateKey key = (PrivateKey) keyStore.getKey("sdk", "changeit".toCharArray());
        Certificate cert = keyStore.getCertificate("sdk");
        Files.writeString(certDir.resolve("ca.crt"), pem("CERTIFICATE", cert.getEncoded()));
        Files.writeString(certDir.resolve("sdk.crt"), pem("CERTIFICATE", cert.getEncoded()));
        Files.writeString(certDir.resolve("sdk.key"), pem("PRIVATE KEY", key.getEncoded()));
        return certDir;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
