package org.approvalchain.engine.signing;

import java.util.Optional;

/**
 * The registry of approvers' public keys, by the approver's user id (the Camunda assignee). A key
 * registered again replaces the previous one; decisions already recorded stay verifiable because
 * the key's point is recorded with each of them.
 */
public interface ApproverKeys {

    Optional<ApproverKey> find(String userId);

    /** Registers {@code key} for {@code userId}, replacing any earlier one; {@code registeredBy} is who did it. */
    void register(String userId, ApproverKey key, String registeredBy);
}
