package org.approvalchain.engine.ledger;

import java.util.List;

/** One event a contract emitted: its address, topics (hex, 0x-prefixed) and ABI-encoded data. */
public record EventLog(String address, List<String> topics, byte[] data, long blockNumber,
                       String transactionHash, int logIndex) {
}
