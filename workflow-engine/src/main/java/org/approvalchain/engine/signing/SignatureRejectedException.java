package org.approvalchain.engine.signing;

/**
 * A signed decision the engine refuses, with the {@link Reason} as a value a caller can map (to an
 * HTTP status, an incident) and a message an approver can act on.
 */
public class SignatureRejectedException extends RuntimeException {

    /** Why a signed decision was refused. */
    public enum Reason {
        /** No key of the approver was registered and valid when the payload was issued. */
        NO_KEY_REGISTERED,
        /** The key valid when the payload was issued has been replaced or revoked since. */
        KEY_NO_LONGER_VALID,
        /** The signature is not standard base64 with padding. */
        NOT_BASE64,
        /** The decoded signature is not a DER SEQUENCE of two INTEGERs in the SM2 range. */
        NOT_DER,
        /** A well-formed signature that does not verify: another key made it, or it covers other bytes. */
        DOES_NOT_VERIFY
    }

    private final Reason reason;

    public SignatureRejectedException(Reason reason, String message) {
        this(reason, message, null);
    }

    public SignatureRejectedException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
