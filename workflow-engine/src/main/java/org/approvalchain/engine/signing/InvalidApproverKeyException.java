package org.approvalchain.engine.signing;

/** Text or bytes that are not an SM2 public key (or SM2 certificate); the message says why. */
public class InvalidApproverKeyException extends IllegalArgumentException {

    public InvalidApproverKeyException(String message) {
        super(message);
    }

    public InvalidApproverKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
