package org.approvalchain.engine.explorer;

import java.util.List;

/**
 * What a search found: a block ({@code blockNumber}, for a block number or hash) or transactions
 * (one for a transaction hash; a case's, or those that issued or revoked a licence, in chain order).
 */
public record SearchResult(String query, Long blockNumber, List<TransactionSummary> transactions) {
}
