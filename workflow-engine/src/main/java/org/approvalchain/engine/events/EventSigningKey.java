package org.approvalchain.engine.events;

import java.util.Base64;

import org.approvalchain.engine.crypto.Sm2SigningKey;
import org.approvalchain.engine.ledger.KeyFile;
import org.approvalchain.engine.signing.ApproverKey;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.springframework.stereotype.Component;

/**
 * The department's SM2 key that signs every case event ({@code approvalchain.events.signing-key-file}),
 * the way approvers sign decisions: SM3withSM2, user id {@code 1234567812345678}, DER, base64.
 * Receivers check events with its public key, which administrators read from the admin API.
 */
@Component
public class EventSigningKey {

    private final Sm2SigningKey privateKey;
    private final ApproverKey publicKey;

    EventSigningKey(EventsProperties properties) {
        this.privateKey = new Sm2SigningKey(KeyFile.loadOrCreate(properties.signingKeyFile()));
        this.publicKey = ApproverKey.fromEncodedPoint(privateKey.publicKey());
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
        return Base64.getEncoder().encodeToString(privateKey.sign(message, StandardDSAEncoding.INSTANCE));
    }
}
