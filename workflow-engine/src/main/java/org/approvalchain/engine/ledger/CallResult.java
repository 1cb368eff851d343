package org.approvalchain.engine.ledger;

/** The result of a read-only call: status as in {@link TransactionReceipt}, output, revert reason. */
public record CallResult(int status, byte[] output, String revertReason) {

    public boolean succeeded() {
        return status == TransactionReceipt.STATUS_OK;
    }
}
