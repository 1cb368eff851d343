package org.approvalchain.engine.keys;

/** A key enrolment, approval or revocation that cannot be done; the kind maps to an HTTP status. */
public class EnrolmentException extends RuntimeException {

    /** Why: nothing by that id, a bad request, not this user's to do, or not in this state. */
    public enum Kind { NOT_FOUND, INVALID, FORBIDDEN, CONFLICT }

    private final Kind kind;

    EnrolmentException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
