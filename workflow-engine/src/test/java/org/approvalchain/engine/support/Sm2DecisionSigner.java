package org.approvalchain.engine.support;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * Signs decision payloads the way an approver's client does (docs/decision-payload.md), with
 * nothing from the engine: Bouncy Castle's standard {@code SM3withSM2} (default user id {@code
 * 1234567812345678}) over the payload's UTF-8 bytes, the DER signature in base64. The key is an
 * SM2 PKCS#8 PEM, such as the demo approvers' {@code <data-dir>/demo-keys/<user>.key.pem}.
 */
public final class Sm2DecisionSigner {

    private static final Provider BC = new BouncyCastleProvider();

    private final PrivateKey key;
    private final PublicKey publicKey;

    private Sm2DecisionSigner(PrivateKey key, PublicKey publicKey) {
        this.key = key;
        this.publicKey = publicKey;
    }

    /** A new key pair, generated on the client as a real approver's would be. */
    public static Sm2DecisionSigner generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec("sm2p256v1"));
            KeyPair pair = generator.generateKeyPair();
            return new Sm2DecisionSigner(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 key generation failed", e);
        }
    }

    /** The public key as PEM SubjectPublicKeyInfo, for an admin to register (generated keys only). */
    public String publicKeyPem() {
        if (publicKey == null) {
            throw new IllegalStateException("only a generated signer knows its public key");
        }
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(publicKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    public static Sm2DecisionSigner fromPemFile(Path pemFile) {
        try (PemReader pem = new PemReader(new StringReader(Files.readString(pemFile)))) {
            byte[] pkcs8 = pem.readPemObject().getContent();
            return new Sm2DecisionSigner(KeyFactory.getInstance("EC", BC).generatePrivate(new PKCS8EncodedKeySpec(pkcs8)), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pemFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(pemFile + " is not an SM2 PKCS#8 private key", e);
        }
    }

    /** The demo approver's key, as the demo profile writes it under the data directory. */
    public static Sm2DecisionSigner demoUser(Path dataDir, String userId) {
        return fromPemFile(dataDir.resolve("demo-keys").resolve(userId + ".key.pem"));
    }

    /** Base64 of the DER-encoded SM3withSM2 signature over the payload text. */
    public String sign(String payload) {
        try {
            Signature signature = Signature.getInstance("SM3withSM2", BC);
            signature.initSign(key);
            signature.update(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }
}
