package org.approvalchain.engine.ledger;

/**
 * The ledger cannot be reached or set up: a missing config file or certificate, an unreachable
 * peer, a chain of the wrong kind. The message starts with a stable code ({@code LEDGER-1xx}) an
 * operator can search for, and names the file or peer to fix.
 */
public class LedgerUnavailableException extends RuntimeException {

    private final String code;

    public LedgerUnavailableException(String code, String message) {
        this(code, message, null);
    }

    public LedgerUnavailableException(String code, String message, Throwable cause) {
        super(code + " " + message, cause);
        this.code = code;
    }

    /** The stable code, e.g. {@code LEDGER-101}. */
    public String code() {
        return code;
    }
}
