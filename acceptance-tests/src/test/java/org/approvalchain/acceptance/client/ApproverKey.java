package org.approvalchain.acceptance.client;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * An approver's SM2 private key, held on the client as docs/decision-payload.md describes: it signs
 * the payload's UTF-8 bytes with Bouncy Castle's {@code SM3withSM2} (default user id
 * {@code 1234567812345678}), DER, base64. Nothing here comes from the engine.
 */
public final class ApproverKey {

    private static final Provider BC = new BouncyCastleProvider();

    private final PrivateKey key;

    private ApproverKey(PrivateKey key) {
        this.key = key;
    }

    /** A demo approver's key, as the demo profile leaves it in {@code <data-dir>/demo-keys/<user>.key.pem}. */
    public static ApproverKey ofDemoUser(Path dataDir, String userId) {
        Path pemFile = dataDir.resolve("demo-keys").resolve(userId + ".key.pem");
        try (PemReader pem = new PemReader(new StringReader(Files.readString(pemFile)))) {
            byte[] pkcs8 = pem.readPemObject().getContent();
            return new ApproverKey(KeyFactory.getInstance("EC", BC).generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pemFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(pemFile + " is not an SM2 PKCS#8 private key", e);
        }
    }

    /** A key generated on this client that no admin has registered for anyone. */
    public static ApproverKey unregistered() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec("sm2p256v1"));
            return new ApproverKey(generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 key generation failed", e);
        }
    }

    /** Base64 of the DER SM3withSM2 signature over the payload's UTF-8 bytes. */
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
