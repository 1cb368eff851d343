package org.approvalchain.engine.signing;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Keys, PEM and signatures made with Bouncy Castle's JCA provider, independently of the code under
 * test: what a standard Java client of the engine would do.
 */
final class TestKeys {

    static final Provider BC = new BouncyCastleProvider();

    private TestKeys() {
    }

    static KeyPair sm2() {
        return ecKeyPair("sm2p256v1");
    }

    static KeyPair ecKeyPair(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** JCA's standard SM3withSM2: default user id, Z-value preprocessing, DER signature. */
    static String sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance("SM3withSM2", BC);
            signature.initSign(key);
            signature.update(message);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(type, der));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** A self-signed SM2 certificate, as a Chinese CA would issue it (signed SM3withSM2). */
    static String selfSignedCertificatePem(KeyPair keys, String subject) {
        try {
            X500Name name = new X500Name(subject);
            Instant now = Instant.now();
            X509CertificateHolder certificate = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(86_400)), name, keys.getPublic())
                    .build(new JcaContentSignerBuilder("SM3WITHSM2").setProvider(BC).build(keys.getPrivate()));
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
