package org.approvalchain.engine.ledger;

import java.util.List;

/**
 * The outcome of a transaction sealed in a block. {@code status} follows FISCO BCOS: 0 success,
 * {@value #STATUS_REVERTED} reverted (with {@code revertReason} decoded from the output when the
 * contract gave one), other values other execution errors.
 */
public record TransactionReceipt(String transactionHash, long blockNumber, String from, String to,
                                 String contractAddress, int status, byte[] output, String revertReason,
                                 long gasUsed, List<EventLog> logs) {

    public static final int STATUS_OK = 0;
    public static final int STATUS_REVERTED = 16;

    public boolean succeeded() {
        return status == STATUS_OK;
    }

    /**
     * This receipt when the transaction succeeded.
     *
     * @throws IllegalStateException {@code "<what> failed: <revert reason>"} when it did not
     */
    public TransactionReceipt requireSucceeded(String what) {
        if (!succeeded()) {
            throw new IllegalStateException(what + " failed: " + revertReason);
        }
        return this;
    }
}
