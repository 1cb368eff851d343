package org.approvalchain.engine.signing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.approvalchain.engine.signing.SignatureRejectedException.Reason.DOES_NOT_VERIFY;
import static org.approvalchain.engine.signing.SignatureRejectedException.Reason.KEY_NO_LONGER_VALID;
import static org.approvalchain.engine.signing.SignatureRejectedException.Reason.NOT_BASE64;
import static org.approvalchain.engine.signing.SignatureRejectedException.Reason.NOT_DER;
import static org.approvalchain.engine.signing.SignatureRejectedException.Reason.NO_KEY_REGISTERED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import org.approvalchain.engine.crypto.Sm3;
import org.approvalchain.engine.signing.SignatureRejectedException.Reason;
import org.junit.jupiter.api.Test;

class DecisionSignatureVerifierTest {

    private final KeyPair approver = TestKeys.sm2();
    private final InMemoryApproverKeys keys = new InMemoryApproverKeys();
    private final DecisionSignatureVerifier verifier = new DecisionSignatureVerifier(keys);
    private final byte[] payload = Payloads.approval().canonicalBytes();

    DecisionSignatureVerifierTest() {
        keys.register("wang.li", ApproverKey.fromPem(TestKeys.pem("PUBLIC KEY", approver.getPublic().getEncoded())));
    }

    @Test
    void acceptsADecisionSignedWithTheApproversKeyByStandardJca() {
        String signature = TestKeys.sign(approver.getPrivate(), payload);

        VerifiedDecision verified = verifier.verify("wang.li", Payloads.approval(), signature);

        assertThat(verified.payload()).isEqualTo(Payloads.approval());
        assertThat(verified.payloadSm3()).isEqualTo(Payloads.approval().sm3Hex());
        assertThat(verified.approverId()).isEqualTo("wang.li");
        assertThat(verified.key()).isEqualTo(keys.validAt("wang.li", Instant.now()).orElseThrow());
        assertThat(verified.signatureDer()).isEqualTo(Base64.getDecoder().decode(signature));
    }

    @Test
    void readsTheApproversKeysOnceForBothInstantsItChecks() {
        String signature = TestKeys.sign(approver.getPrivate(), payload);

        verifier.verify("wang.li", Payloads.approval(), signature);

        assertThat(keys.reads()).isEqualTo(1);
    }

    @Test
    void rejectsDecisionSignedWithAnotherKey() {
        String signature = TestKeys.sign(TestKeys.sm2().getPrivate(), payload);

        assertRefused(signature, DOES_NOT_VERIFY, "made with another key, or over other bytes");
    }

    @Test
    void rejectsSignatureMadeOverAPayloadWithOneFieldChanged() {
        byte[] rejected = Payloads.withDecision(Payloads.approval(), Decision.REJECT).canonicalBytes();
        String signatureOverRejection = TestKeys.sign(approver.getPrivate(), rejected);

        assertRefused(signatureOverRejection, DOES_NOT_VERIFY, "does not verify with the registered key");
    }

    @Test
    void rejectsSignatureOverTheDigestInsteadOfThePayloadBytes() {
        String signatureOverDigest = TestKeys.sign(approver.getPrivate(), Sm3.digest(payload));

        assertRefused(signatureOverDigest, DOES_NOT_VERIFY, "does not verify");
    }

    @Test
    void rejectsTruncatedSignatureAsNotDer() {
        byte[] der = Base64.getDecoder().decode(TestKeys.sign(approver.getPrivate(), payload));
        String truncated = Base64.getEncoder().encodeToString(Arrays.copyOf(der, der.length - 1));

        assertRefused(truncated, NOT_DER, "is not a DER SEQUENCE");
    }

    @Test
    void rejectsGarbageAndRawRsSignaturesAsNotDer() {
        assertRefused(Base64.getEncoder().encodeToString("not a signature".getBytes(UTF_8)), NOT_DER, "not raw r‖s");
        assertRefused(Base64.getEncoder().encodeToString(new byte[64]), NOT_DER, "(64 bytes)");
    }

    @Test
    void rejectsSignatureThatIsNotBase64() {
        assertRefused("MEUCIQ%%not*base64", NOT_BASE64, "not base64");
        assertRefused("", NOT_BASE64, "missing");
        assertRefused("AA", NOT_BASE64, "with = padding");
    }

    @Test
    void rejectsApproverWithoutRegisteredKey() {
        String signature = TestKeys.sign(approver.getPrivate(), payload);

        assertThatThrownBy(() -> verifier.verify("zhang.san", Payloads.approval(), signature))
                .isInstanceOfSatisfying(SignatureRejectedException.class, e -> assertThat(e.reason()).isEqualTo(NO_KEY_REGISTERED))
                .hasMessageContaining("zhang.san");
    }

    @Test
    void rejectsAKeyRegisteredOnlyAfterThePayloadWasIssued() {
        keys.register("li.na", ApproverKey.fromPem(TestKeys.pem("PUBLIC KEY", approver.getPublic().getEncoded())),
                Payloads.approval().issuedAt().plusMillis(1));

        assertThatThrownBy(() -> verifier.verify("li.na", Payloads.approval(), TestKeys.sign(approver.getPrivate(), payload)))
                .isInstanceOfSatisfying(SignatureRejectedException.class, e -> assertThat(e.reason()).isEqualTo(NO_KEY_REGISTERED))
                .hasMessageContaining("valid at " + Payloads.approval().issuedAt());
    }

    @Test
    void rejectsTheKeyOfTheIssueTimeOnceAnotherReplacedIt() {
        KeyPair next = TestKeys.sm2();
        keys.register("wang.li", ApproverKey.fromPem(TestKeys.pem("PUBLIC KEY", next.getPublic().getEncoded())), Instant.now());

        assertRefused(TestKeys.sign(approver.getPrivate(), payload), KEY_NO_LONGER_VALID, "replaced or revoked since");
    }

    @Test
    void rejectsSignatureOverAnotherByteFormOfThePayload() {
        byte[] pretty = (new String(payload, UTF_8) + "\n").getBytes(UTF_8);
        String signature = TestKeys.sign(approver.getPrivate(), pretty);

        assertRefused(signature, DOES_NOT_VERIFY, "over these payload bytes");
    }

    /** The canonical payload with {@code signature}: refused for {@code reason}. */
    private void assertRefused(String signature, Reason reason, String message) {
        assertThatThrownBy(() -> verifier.verify("wang.li", Payloads.approval(), signature))
                .isInstanceOfSatisfying(SignatureRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(message);
    }
}
