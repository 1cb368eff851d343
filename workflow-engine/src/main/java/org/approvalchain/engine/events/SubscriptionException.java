package org.approvalchain.engine.events;

/** A subscription that cannot be made or found; an invalid one names the request field at fault. */
public class SubscriptionException extends RuntimeException {

    /** Why: a field is not acceptable, or there is no subscription by that id. */
    public enum Kind { INVALID, NOT_FOUND }

    private final Kind kind;
    private final String field;

    SubscriptionException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    /** The request field at fault ({@code url}, {@code eventTypes}, {@code secret}); null for NOT_FOUND. */
    public String field() {
        return field;
    }
}
