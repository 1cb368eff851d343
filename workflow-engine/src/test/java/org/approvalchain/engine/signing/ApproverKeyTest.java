package org.approvalchain.engine.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

import org.approvalchain.engine.crypto.Sm3;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

class ApproverKeyTest {

    private final KeyPair sm2 = TestKeys.sm2();
    private final String spkiPem = TestKeys.pem("PUBLIC KEY", sm2.getPublic().getEncoded());

    @Test
    void parsesPemSubjectPublicKeyInfo() {
        ApproverKey key = ApproverKey.fromPem(spkiPem);

        ECPublicKey jca = (ECPublicKey) sm2.getPublic();
        byte[] point = key.encodedPoint();
        assertThat(point).hasSize(65);
        assertThat(point[0]).isEqualTo((byte) 0x04);
        assertThat(new java.math.BigInteger(1, Arrays.copyOfRange(point, 1, 33))).isEqualTo(jca.getW().getAffineX());
        assertThat(new java.math.BigInteger(1, Arrays.copyOfRange(point, 33, 65))).isEqualTo(jca.getW().getAffineY());
    }

    @Test
    void parsesTheKeyOfASelfSignedSm2Certificate() {
        String certificate = TestKeys.selfSignedCertificatePem(sm2, "CN=王力, O=某市行政审批局, C=CN");

        assertThat(ApproverKey.fromPem(certificate)).isEqualTo(ApproverKey.fromPem(spkiPem));
    }

    @Test
    void exposesPointHexAndFingerprintForTheChain() {
        ApproverKey key = ApproverKey.fromPem(spkiPem);

        assertThat(key.pointHex()).isEqualTo("0x" + Hex.toHexString(key.encodedPoint())).matches("0x04[0-9a-f]{128}");
        assertThat(key.fingerprint()).isEqualTo(Sm3.hex(key.encodedPoint())).matches("0x[0-9a-f]{64}");
        assertThat(ApproverKey.fromPointHex(key.pointHex())).isEqualTo(key);
        assertThat(ApproverKey.fromPem(key.toPem())).isEqualTo(key);
    }

    @Test
    void rejectsAnEcdsaP256KeyAsNotSm2() {
        String p256 = TestKeys.pem("PUBLIC KEY", TestKeys.ecKeyPair("secp256r1").getPublic().getEncoded());

        assertThatThrownBy(() -> ApproverKey.fromPem(p256)).isInstanceOf(InvalidApproverKeyException.class)
                .hasMessageContaining("not an SM2 key: the curve is")
                .hasMessageContaining("1.2.840.10045.3.1.7")
                .hasMessageContaining("expected sm2p256v1");
    }

    @Test
    void rejectsAnRsaKeyAsNotElliptic() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String pem = TestKeys.pem("PUBLIC KEY", rsa.generateKeyPair().getPublic().getEncoded());

        assertThatThrownBy(() -> ApproverKey.fromPem(pem)).hasMessageContaining("algorithm 1.2.840.113549.1.1.1 is not elliptic-curve");
    }

    @Test
    void rejectsGarbageWithWhatWasWrong() {
        assertThatThrownBy(() -> ApproverKey.fromPem("hello")).isInstanceOf(InvalidApproverKeyException.class)
                .hasMessageContaining("no PEM block found");
        assertThatThrownBy(() -> ApproverKey.fromPem(TestKeys.pem("PUBLIC KEY", new byte[] {1, 2, 3})))
                .hasMessageContaining("PEM PUBLIC KEY does not hold valid DER");
        assertThatThrownBy(() -> ApproverKey.fromPem("-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n"))
                .hasMessage("PEM PUBLIC KEY is empty");
        assertThatThrownBy(() -> ApproverKey.fromPem(TestKeys.pem("PRIVATE KEY", sm2.getPrivate().getEncoded())))
                .hasMessageContaining("this is a private key");
        assertThatThrownBy(() -> ApproverKey.fromPem(TestKeys.pem("RSA PUBLIC KEY", new byte[] {1})))
                .hasMessageContaining("PEM block is RSA PUBLIC KEY, expected PUBLIC KEY or CERTIFICATE");
    }

    @Test
    void rejectsAPointThatIsNotOnTheSm2Curve() {
        byte[] point = ApproverKey.fromPem(spkiPem).encodedPoint();
        point[64] ^= 1;

        assertThatThrownBy(() -> ApproverKey.fromEncodedPoint(point)).isInstanceOf(InvalidApproverKeyException.class)
                .hasMessageContaining("not on the SM2 curve");
        assertThatThrownBy(() -> ApproverKey.fromEncodedPoint(new byte[64])).hasMessageContaining("must be 65 bytes");
    }
}
