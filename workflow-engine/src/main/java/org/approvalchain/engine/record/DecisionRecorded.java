package org.approvalchain.engine.record;

/** A signed decision is on chain and its task completes (published in the completing transaction). */
public record DecisionRecorded(KeptDecision decision) {
}
