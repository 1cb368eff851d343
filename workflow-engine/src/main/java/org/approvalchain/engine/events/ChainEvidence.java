package org.approvalchain.engine.events;

/** Where an event's fact is on chain: the transaction that recorded it and its block. */
public record ChainEvidence(String txHash, long block) {
}
