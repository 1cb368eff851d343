package org.approvalchain.engine.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * An approver's SM2 key as a real client holds it: generated and used on the client side only.
 * Signs with SM3withSM2 (default user id), DER, base64; gives the public key as PEM to register.
 */
final class ClientKey {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private final KeyPair pair;

    private ClientKey(KeyPair pair) {
        this.pair = pair;
    }

    static ClientKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec("sm2p256v1"));
            return new ClientKey(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    String sign(String payload) {
        try {
            Signature signature = Signature.getInstance("SM3withSM2", BC);
            signature.initSign(pair.getPrivate());
            signature.update(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
