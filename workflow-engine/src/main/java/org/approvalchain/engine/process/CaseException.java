package org.approvalchain.engine.process;

/** A request about a case or task that cannot be done; the kind maps to an HTTP status. */
public class CaseException extends RuntimeException {

    /** Why: something missing, a bad request, not allowed, or not possible in the current state. */
    public enum Kind { NOT_FOUND, INVALID, FORBIDDEN, CONFLICT }

    private final Kind kind;

    public CaseException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
