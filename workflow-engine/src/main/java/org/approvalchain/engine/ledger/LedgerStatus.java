package org.approvalchain.engine.ledger;

import org.approvalchain.contracts.ChainCrypto;

/** What a client needs to know about the chain before it signs: who, which chain, how high. */
public record LedgerStatus(String adapter, ChainCrypto crypto, String chainId, String groupId,
                           long blockNumber, String latestBlockHash) {
}
