package org.approvalchain.engine.signing;

import static org.approvalchain.engine.signing.SignatureRejectedException.Reason.DOES_NOT_VERIFY;
import static org.approvalchain.engine.signing.SignatureRejectedException.Reason.KEY_NO_LONGER_VALID;
import static org.approvalchain.engine.signing.SignatureRejectedException.Reason.NOT_BASE64;
import static org.approvalchain.engine.signing.SignatureRejectedException.Reason.NOT_DER;
import static org.approvalchain.engine.signing.SignatureRejectedException.Reason.NO_KEY_REGISTERED;

import java.io.IOException;
import java.time.Instant;
import java.util.Base64;

import org.approvalchain.engine.crypto.Sm2;
import org.approvalchain.engine.crypto.Sm3;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;

/**
 * Decides whether a signed decision may complete a task: the approver must have a key registered
 * and valid both when the payload was issued and now, and the signature (SM3withSM2, default user id, DER, base64) must verify with that key over
 * exactly the payload's canonical bytes. Anything else is a {@link
 * SignatureRejectedException} with its reason.
 */
public final class DecisionSignatureVerifier {

    private final ApproverKeys keys;

    public DecisionSignatureVerifier(ApproverKeys keys) {
        this.keys = keys;
    }

    /**
     * Verifies {@code signatureBase64} by {@code approverId} over the canonical bytes of {@code
     * payload} (parsed from exactly those bytes, see {@link DecisionPayload#parse}).
     *
     * @throws SignatureRejectedException with the reason the decision is refused
     */
    public VerifiedDecision verify(String approverId, DecisionPayload payload, String signatureBase64) {
        ApproverKeys.KeyHistory history = keys.history(approverId);
        ApproverKey key = history.validAt(payload.issuedAt()).orElseThrow(() -> new SignatureRejectedException(
                NO_KEY_REGISTERED, "no key of approver " + approverId + " was registered and valid at " + payload.issuedAt()
                        + ": enrol a key (proof of possession, approved by two administrators) first"));
        if (!history.validAt(Instant.now()).map(key::equals).orElse(false)) {
            throw new SignatureRejectedException(KEY_NO_LONGER_VALID, "key " + key.fingerprint() + " of approver "
                    + approverId + " has been replaced or revoked since the payload was issued: fetch a fresh payload and "
                    + "sign it with your current key");
        }
        byte[] bytes = payload.canonicalBytes();
        byte[] der = verifySignature(key, bytes, signatureBase64);
        return new VerifiedDecision(approverId, key, payload, Sm3.hex(bytes), Base64.getEncoder().encodeToString(der));
    }

    /**
     * Checks the signature alone over the exact {@code message} bytes; returns the DER signature.
     *
     * @throws SignatureRejectedException {@code NOT_BASE64}, {@code NOT_DER} or {@code DOES_NOT_VERIFY}
     */
    public static byte[] verifySignature(ApproverKey key, byte[] message, String signatureBase64) {
        byte[] der = base64(signatureBase64);
        try {
            StandardDSAEncoding.INSTANCE.decode(Sm2.DOMAIN.getN(), der);
        } catch (IOException | RuntimeException e) {
            throw new SignatureRejectedException(NOT_DER, "the signature (" + der.length
                    + " bytes) is not a DER SEQUENCE of INTEGER r, INTEGER s in 1..n-1; SM2 signatures must be DER-encoded, not raw r‖s", e);
        }
        SM2Signer signer = Sm2.verifier(key.parameters());
        signer.update(message, 0, message.length);
        if (!signer.verifySignature(der)) {
            throw new SignatureRejectedException(DOES_NOT_VERIFY, "the signature does not verify with the registered key "
                    + key.fingerprint() + " over these payload bytes (SM3 " + Sm3.hex(message)
                    + "): it was made with another key, or over other bytes");
        }
        return der;
    }

    private static byte[] base64(String signature) {
        String text = signature == null ? "" : signature.strip();
        if (text.isEmpty()) {
            throw new SignatureRejectedException(NOT_BASE64, "the signature is missing");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new SignatureRejectedException(NOT_BASE64, "the signature is not base64: " + e.getMessage(), e);
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new SignatureRejectedException(NOT_BASE64, "the signature is not canonical base64 (standard alphabet, with = padding)");
        }
        return bytes;
    }
}
