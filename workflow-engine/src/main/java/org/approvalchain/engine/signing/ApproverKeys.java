package org.approvalchain.engine.signing;

import java.time.Instant;
import java.util.Optional;

/**
 * Which key an approver signs with, by the approver's user id (the Camunda assignee) and time: keys
 * rotate and are revoked, and a decision is verified with the key that was valid when it was
 * signed. The engine answers it from the chain (the {@code keys} module), never from a table an
 * operator could edit.
 */
public interface ApproverKeys {

    /**
     * The keys of {@code userId} as they are registered now, read once, to ask which one was valid
     * at one instant or several (a decision asks for when it was issued and for now).
     */
    KeyHistory history(String userId);

    /** The key of {@code userId} valid at {@code time}, if any. */
    default Optional<ApproverKey> validAt(String userId, Instant time) {
        return history(userId).validAt(time);
    }

    /** One approver's registered keys, as read. */
    @FunctionalInterface
    interface KeyHistory {

        /** The key valid at {@code time}, if any. */
        Optional<ApproverKey> validAt(Instant time);
    }
}
