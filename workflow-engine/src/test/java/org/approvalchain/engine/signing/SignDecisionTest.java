package org.approvalchain.engine.signing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;

import org.approvalchain.engine.signing.cli.SignDecision;
import org.bouncycastle.util.io.pem.PemReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignDecisionTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final byte[] payload = Payloads.approval().canonicalBytes();

    @Test
    void generatedKeySignsADecisionTheVerifierAccepts() throws Exception {
        assertThat(run(new byte[0], "--generate", dir.toString(), "wang.li")).isZero();
        Path payloadFile = Files.write(dir.resolve("decision.json"), payload);
        InMemoryApproverKeys keys = new InMemoryApproverKeys();
        keys.register("wang.li", ApproverKey.fromPem(Files.readString(dir.resolve("wang.li.pub.pem"))));
        out.reset();

        assertThat(run(new byte[0], "--key", dir.resolve("wang.li.key.pem").toString(), "--payload", payloadFile.toString())).isZero();

        String signature = out.toString(UTF_8).strip();
        VerifiedDecision verified = new DecisionSignatureVerifier(keys).verify("wang.li", DecisionPayload.parse(payload), signature);
        assertThat(verified.payload()).isEqualTo(Payloads.approval());
        assertThat(err.toString(UTF_8)).contains("signing APPROVE on case case-2025-0001",
                "case state SM3 " + Payloads.caseState().sm3Hex(), Payloads.approval().sm3Hex());
    }

    @Test
    void signsThePayloadReadFromStandardInput() throws Exception {
        run(new byte[0], "--generate", dir.toString(), "li.na");
        ApproverKey key = ApproverKey.fromPem(Files.readString(dir.resolve("li.na.pub.pem")));
        out.reset();

        assertThat(run(payload, "--key", dir.resolve("li.na.key.pem").toString())).isZero();

        DecisionSignatureVerifier.verifySignature(key, payload, out.toString(UTF_8));
    }

    @Test
    void writesThePrivateKeyAsPkcs8ReadableOnlyByItsOwner() throws Exception {
        run(new byte[0], "--generate", dir.toString(), "wang.li");
        Path privateKey = dir.resolve("wang.li.key.pem");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey))).isEqualTo("rw-------");
        assertThat(Files.readString(privateKey)).startsWith("-----BEGIN PRIVATE KEY-----");
        try (PemReader pem = new PemReader(Files.newBufferedReader(privateKey))) {
            assertThat(KeyFactory.getInstance("EC", TestKeys.BC).generatePrivate(new PKCS8EncodedKeySpec(pem.readPemObject().getContent())))
                    .isNotNull();
        }
        assertThat(run(new byte[0], "--generate", dir.toString(), "wang.li")).isEqualTo(1);
        assertThat(err.toString(UTF_8)).contains("refusing to overwrite");
    }

    @Test
    void signsWithAKeyMadeByStandardJca() throws Exception {
        var pair = TestKeys.sm2();
        Path keyFile = Files.writeString(dir.resolve("jca.key.pem"), TestKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        ApproverKey key = ApproverKey.fromPem(TestKeys.pem("PUBLIC KEY", pair.getPublic().getEncoded()));

        assertThat(run(payload, "--key", keyFile.toString(), "--payload", "-")).isZero();

        DecisionSignatureVerifier.verifySignature(key, payload, out.toString(UTF_8));
    }

    @Test
    void refusesToSignBytesThatAreNotACanonicalPayload() throws Exception {
        run(new byte[0], "--generate", dir.toString(), "wang.li");
        out.reset();

        int code = run((new String(payload, UTF_8) + "\n").getBytes(UTF_8), "--key", dir.resolve("wang.li.key.pem").toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.size()).isZero();
        assertThat(err.toString(UTF_8)).contains("refusing to sign", "not canonical at byte");
    }

    @Test
    void refusesToSignAFormatOnePayloadWhichTheEngineNoLongerAccepts() throws Exception {
        run(new byte[0], "--generate", dir.toString(), "wang.li");
        out.reset();

        int code = run(Payloads.withoutCaseState(Payloads.approval()).canonicalBytes(), "--key",
                dir.resolve("wang.li.key.pem").toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.size()).isZero();
        assertThat(err.toString(UTF_8)).contains("refusing to sign: payload format v=1 has no caseState");
    }

    @Test
    void refusesANonSm2PrivateKeyAndWrongUsage() throws Exception {
        Path p256 = Files.writeString(dir.resolve("p256.pem"),
                TestKeys.pem("PRIVATE KEY", TestKeys.ecKeyPair("secp256r1").getPrivate().getEncoded()));

        assertThat(run(payload, "--key", p256.toString())).isEqualTo(1);
        assertThat(err.toString(UTF_8)).contains("not an SM2 private key");
        assertThat(run(payload, "--sign")).isEqualTo(2);
        assertThat(err.toString(UTF_8)).contains("usage: sign-decision");
    }

    @Test
    void showsItsUsageOnHelpAndExitsZero() {
        assertThat(run(payload, "--help")).isZero();
        assertThat(out.toString(UTF_8)).contains("usage: sign-decision --key", "sign-decision --generate");
        assertThat(err.size()).isZero();
    }

    private int run(byte[] stdin, String... args) {
        return SignDecision.run(args, new ByteArrayInputStream(stdin), new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    }
}
