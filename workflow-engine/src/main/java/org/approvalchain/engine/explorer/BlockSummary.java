package org.approvalchain.engine.explorer;

/** A block in a list of blocks: number, hash, time (milliseconds since the epoch) and how many transactions it holds. */
public record BlockSummary(long number, String hash, long timestamp, int transactionCount) {
}
