package org.approvalchain.engine.ledger;

/** The ledger refused a transaction before executing it; the message names the reason. */
public class TransactionRejectedException extends RuntimeException {

    public TransactionRejectedException(String message) {
        super(message);
    }
}
