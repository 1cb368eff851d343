package org.approvalchain.engine.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The worked example in docs/decision-payload.md holds: if this fails, fix the document too. */
class DocumentedExampleTest {

    static final String PUBLIC_KEY = """
            -----BEGIN PUBLIC KEY-----
            MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAEoOza+CgJJHBoT56DBLiUN7Ra3Boi
            ZTcIOPu1s1mhsO6ekGmRCR8F0XNNmyQLEQ9kZPTnI6zOr6WpBzGeW+f1Zg==
            -----END PUBLIC KEY-----
            """;
    static final String SIGNATURE = "MEQCIF3HhgHG2PlUCEjt7x98oSU0t3Y8e876BOpBze5ouhMIAiAPvHkUEYg+xALyOmSEvcE/ERr59RNagDfZBf/j57vG8A==";

    @Test
    void theExamplePayloadHasTheDocumentedDigest() {
        assertThat(Payloads.approval().canonicalBytes()).hasSize(442);
        assertThat(Payloads.approval().sm3Hex()).isEqualTo("0xdc25e08f9f35353fc495804148a189c6b35f9a85cb707c242fb6de75d7fbde3f");
    }

    @Test
    void theExampleKeyHasTheDocumentedPointAndFingerprint() {
        ApproverKey key = ApproverKey.fromPem(PUBLIC_KEY);

        assertThat(key.pointHex()).isEqualTo("0x04a0ecdaf828092470684f9e8304b89437b45adc1a2265370838fbb5b359a1b0ee"
                + "9e906991091f05d1734d9b240b110f6464f4e723acceafa5a907319e5be7f566");
        assertThat(key.fingerprint()).isEqualTo("0x2f7ce7f085e7f266076fbdcfb39899ec3f8d2f788ae8e6da1a07b7a1d66476ad");
    }

    @Test
    void theExampleSignatureVerifiesOverTheExamplePayloadOnly() {
        ApproverKey key = ApproverKey.fromPem(PUBLIC_KEY);

        DecisionSignatureVerifier.verifySignature(key, Payloads.approval().canonicalBytes(), SIGNATURE);
        assertThatThrownBy(() -> DecisionSignatureVerifier.verifySignature(key,
                Payloads.withDecision(Payloads.approval(), Decision.REJECT).canonicalBytes(), SIGNATURE))
                .isInstanceOf(SignatureRejectedException.class);
    }
}
