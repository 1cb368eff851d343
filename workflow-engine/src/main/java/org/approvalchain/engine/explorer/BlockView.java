package org.approvalchain.engine.explorer;

import java.util.List;

/**
 * A block with the transactions the reader may see, in block order; {@code hiddenTransactions}
 * counts the others (those of cases the reader may not read); {@code latest} when no block
 * followed it yet.
 */
public record BlockView(long number, String hash, String parentHash, long timestamp, String stateRoot,
                        String transactionsRoot, String receiptsRoot, String sealer, String signature,
                        List<TransactionSummary> transactions, int hiddenTransactions, boolean latest) {
}
