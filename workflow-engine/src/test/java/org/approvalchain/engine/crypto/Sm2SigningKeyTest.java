package org.approvalchain.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.DSAEncoding;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.junit.jupiter.api.Test;

class Sm2SigningKeyTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void signaturesVerifyWithBouncyCastlesSm2SignerAndTheDefaultUserId() {
        for (int i = 0; i < 300; i++) {
            Sm2SigningKey key = new Sm2SigningKey(new BigInteger(255, RANDOM).add(BigInteger.ONE));
            byte[] message = new byte[i];
            RANDOM.nextBytes(message);
            DSAEncoding encoding = i % 2 == 0 ? StandardDSAEncoding.INSTANCE : PlainDSAEncoding.INSTANCE;
            byte[] signature = key.sign(message, encoding);

            assertThat(bouncyCastleVerifies(key, encoding, message, signature)).as("signature %d", i).isTrue();
            message = Arrays.copyOf(message, message.length + 1);
            assertThat(bouncyCastleVerifies(key, encoding, message, signature)).as("signature %d over other bytes", i).isFalse();
        }
    }

    @Test
    void publicKeyIsTheBasePointTimesThePrivateKey() {
        BigInteger d = new BigInteger(255, RANDOM).add(BigInteger.ONE);

        assertThat(new Sm2SigningKey(d).publicKey()).isEqualTo(Sm2.DOMAIN.getG().multiply(d).normalize().getEncoded(false));
    }

    @Test
    void drawsAFreshNonceForEverySignature() {
        Sm2SigningKey key = new Sm2SigningKey(BigInteger.TWO);
        byte[] message = "event".getBytes(StandardCharsets.UTF_8);

        assertThat(key.sign(message, StandardDSAEncoding.INSTANCE)).isNotEqualTo(key.sign(message, StandardDSAEncoding.INSTANCE));
    }

    @Test
    void refusesAPrivateKeyOutOfRange() {
        assertThatThrownBy(() -> new Sm2SigningKey(BigInteger.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sm2SigningKey(Sm2.DOMAIN.getN().subtract(BigInteger.ONE))).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean bouncyCastleVerifies(Sm2SigningKey key, DSAEncoding encoding, byte[] message, byte[] signature) {
        SM2Signer verifier = new SM2Signer(encoding);
        ECPublicKeyParameters publicKey = new ECPublicKeyParameters(Sm2.CURVE.getCurve().decodePoint(key.publicKey()), Sm2.DOMAIN);
        verifier.init(false, new ParametersWithID(publicKey, "1234567812345678".getBytes(StandardCharsets.US_ASCII)));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }
}
