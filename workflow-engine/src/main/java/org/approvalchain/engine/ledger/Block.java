package org.approvalchain.engine.ledger;

import java.util.List;

/**
 * A sealed block: its header fields, the hashes of its transactions in order, and the sealer's
 * signature over the block hash. {@code parentHash} links each block to the one before it.
 */
public record Block(long number, String hash, String parentHash, long timestamp, String stateRoot,
                    String transactionsRoot, String receiptsRoot, List<String> transactionHashes,
                    String sealer, String signature) {
}
