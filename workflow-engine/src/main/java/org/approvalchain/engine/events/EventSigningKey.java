package org.approvalchain.engine.events;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Base64;

import org.approvalchain.engine.crypto.Sm2;
import org.approvalchain.engine.ledger.KeyFile;
import org.approvalchain.engine.signing.ApproverKey;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.springframework.stereotype.Component;

/**
 * The department's SM2 key that signs every case event ({@code approvalchain.events.signing-key-file}),
 * the way approvers sign decisions: SM3withSM2, user id {@code 1234567812345678}, DER, base64.
 * Receivers check events with its public key, which administrators read from the admin API.
 */
@Component
public class EventSigningKey {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ECPrivateKeyParameters privateKey;
    private final ApproverKey publicKey;

    EventSigningKey(EventsProperties properties) {
        BigInteger d = KeyFile.loadOrCreate(properties.signingKeyFile());
        this.privateKey = new ECPrivateKeyParameters(d, Sm2.DOMAIN);
        this.publicKey = ApproverKey.fromEncodedPoint(Sm2.DOMAIN.getG().multiply(d).getEncoded(false));
    }

    /** The public key as a PEM SubjectPublicKeyInfo (curve sm2p256v1). */
    public String publicKeyPem() {
        return publicKey.toPem();
    }

    /** The public key's uncompressed point, {@code 0x04…} (132 hex digits). */
    public String publicKeyHex() {
        return publicKey.pointHex();
    }

    /** The base64 DER SM3withSM2 signature of {@code message}. */
    String sign(byte[] message) {
        SM2Signer signer = Sm2.signer(true, new ParametersWithRandom(privateKey, RANDOM));
        signer.update(message, 0, message.length);
        try {
            return Base64.getEncoder().encodeToString(signer.generateSignature());
        } catch (CryptoException e) {
            throw new IllegalStateException("EVENTS-201 cannot sign an event: " + e.getMessage(), e);
        }
    }
}
