package org.approvalchain.engine.signing;

/**
 * Bytes that are not a decision payload in canonical form, or payload fields that break its rules.
 * The message says what is wrong and, for non-canonical bytes, at which byte.
 */
public class InvalidDecisionPayloadException extends IllegalArgumentException {

    public InvalidDecisionPayloadException(String message) {
        super(message);
    }

    public InvalidDecisionPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
