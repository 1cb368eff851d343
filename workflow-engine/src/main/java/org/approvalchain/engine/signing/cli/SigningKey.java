package org.approvalchain.engine.signing.cli;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;

import org.approvalchain.engine.crypto.Sm2;
import org.approvalchain.engine.crypto.Sm2SigningKey;
import org.approvalchain.engine.signing.ApproverKey;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/** An approver's SM2 private key, read from and written as PEM PKCS#8 (the form OpenSSL 3 writes). */
final class SigningKey {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final BigInteger d;

    private SigningKey(BigInteger d) {
        if (d.signum() <= 0 || d.compareTo(Sm2.DOMAIN.getN()) >= 0) {
            throw new IllegalArgumentException("the private key is out of range for SM2");
        }
        this.d = d;
    }

    static SigningKey generate() {
        BigInteger n = Sm2.DOMAIN.getN();
        BigInteger d;
        do {
            d = new BigInteger(n.bitLength(), RANDOM);
        } while (d.signum() == 0 || d.compareTo(n.subtract(BigInteger.ONE)) >= 0);
        return new SigningKey(d);
    }

    static SigningKey fromPem(String pem) {
        PemObject block = readPem(pem);
        if (!"PRIVATE KEY".equals(block.getType())) {
            throw new IllegalArgumentException("expected an unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----), found "
                    + block.getType() + "; convert it with: openssl pkcs8 -topk8 -nocrypt -in <file>");
        }
        PrivateKeyInfo info;
        BigInteger d;
        try {
            info = PrivateKeyInfo.getInstance(block.getContent());
            d = ECPrivateKey.getInstance(info.parsePrivateKey()).getKey();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the PKCS#8 key is not a valid EC private key: " + e.getMessage(), e);
        }
        requireSm2(info.getPrivateKeyAlgorithm());
        return new SigningKey(d);
    }

    ApproverKey publicKey() {
        return ApproverKey.fromEncodedPoint(Sm2.DOMAIN.getG().multiply(d).normalize().getEncoded(false));
    }

    /** SM3withSM2 over {@code message} with the default user id; the signature DER-encoded. */
    byte[] sign(byte[] message) {
        return new Sm2SigningKey(d).sign(message, StandardDSAEncoding.INSTANCE);
    }

    String toPem() {
        AlgorithmIdentifier algorithm = new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, GMObjectIdentifiers.sm2p256v1);
        try {
            ECPrivateKey key = new ECPrivateKey(Sm2.DOMAIN.getN().bitLength(), d, new DERBitString(publicKey().encodedPoint()), null);
            StringWriter out = new StringWriter();
            try (PemWriter pem = new PemWriter(out)) {
                pem.writeObject(new PemObject("PRIVATE KEY", new PrivateKeyInfo(algorithm, key).getEncoded()));
            }
            return out.toString().endsWith("\n") ? out.toString() : out + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireSm2(AlgorithmIdentifier algorithm) {
        boolean sm2 = algorithm.getAlgorithm().equals(GMObjectIdentifiers.sm2p256v1)
                || algorithm.getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey)
                && GMObjectIdentifiers.sm2p256v1.equals(algorithm.getParameters());
        if (!sm2) {
            Object curve = algorithm.getParameters() instanceof ASN1ObjectIdentifier oid ? oid.getId() : algorithm.getParameters();
            throw new IllegalArgumentException("not an SM2 private key: algorithm " + algorithm.getAlgorithm().getId()
                    + ", curve " + curve + " (expected curve sm2p256v1, " + GMObjectIdentifiers.sm2p256v1.getId() + ")");
        }
    }

    private static PemObject readPem(String pem) {
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            PemObject block = reader.readPemObject();
            if (block == null) {
                throw new IllegalArgumentException("no PEM block found: expected -----BEGIN PRIVATE KEY-----");
            }
            return block;
        } catch (IOException e) {
            throw new IllegalArgumentException("the PEM is damaged: " + e.getMessage(), e);
        }
    }
}
