package org.approvalchain.engine.proxy;

/**
 * A refused grant, revocation or agent's action; the message starts with its code (PROXY-001…,
 * docs/errors.md) and names the reason, the kind maps to an HTTP status.
 */
public class ProxyException extends RuntimeException {

    /** Why: something missing, a bad request, not allowed, or not possible in the current state. */
    public enum Kind { NOT_FOUND, INVALID, FORBIDDEN, CONFLICT }

    private final Kind kind;

    public ProxyException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
