package org.approvalchain.engine.signing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.approvalchain.engine.crypto.Sm2;
import org.approvalchain.engine.signing.cli.SignDecision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another implementation agrees: OpenSSL 3 (SM2 keys, {@code pkeyutl -rawin -digest sm3} with
 * distid {@code 1234567812345678}). Skipped where no SM2-capable {@code openssl} is installed.
 */
class OpenSslInteropTest {

    @TempDir
    Path dir;

    private final byte[] payload = Payloads.approval().canonicalBytes();
    private Path payloadFile;

    @BeforeEach
    void opensslMakesAnSm2Key() throws Exception {
        payloadFile = Files.write(dir.resolve("decision.json"), payload);
        assumeTrue(openssl("genpkey", "-algorithm", "SM2", "-out", dir.resolve("key.pem").toString()), "openssl with SM2 not available");
        assumeTrue(openssl("pkey", "-in", dir.resolve("key.pem").toString(), "-pubout", "-out", dir.resolve("pub.pem").toString()));
    }

    @Test
    void acceptsADecisionSignedByOpenSsl() throws Exception {
        assertThat(openssl("pkeyutl", "-sign", "-rawin", "-digest", "sm3", "-pkeyopt", "distid:" + Sm2.DEFAULT_USER_ID,
                "-inkey", dir.resolve("key.pem").toString(), "-in", payloadFile.toString(), "-out", dir.resolve("sig.der").toString())).isTrue();
        ApproverKey key = ApproverKey.fromPem(Files.readString(dir.resolve("pub.pem")));

        DecisionSignatureVerifier.verifySignature(key, payload, Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("sig.der"))));
    }

    @Test
    void openSslVerifiesWhatTheCommandLineSignerSignsWithAnOpenSslKey() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = SignDecision.run(new String[] {"--key", dir.resolve("key.pem").toString(), "--payload", payloadFile.toString()},
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertThat(code).isZero();
        Files.write(dir.resolve("sig.der"), Base64.getDecoder().decode(out.toString(UTF_8).strip()));

        assertThat(openssl("pkeyutl", "-verify", "-rawin", "-digest", "sm3", "-pkeyopt", "distid:" + Sm2.DEFAULT_USER_ID,
                "-pubin", "-inkey", dir.resolve("pub.pem").toString(), "-in", payloadFile.toString(),
                "-sigfile", dir.resolve("sig.der").toString())).isTrue();
    }

    private boolean openssl(String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("openssl.log").toFile()).start();
            return process.waitFor() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }
}
