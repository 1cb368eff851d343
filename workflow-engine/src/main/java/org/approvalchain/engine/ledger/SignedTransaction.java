package org.approvalchain.engine.ledger;

/**
 * A FISCO BCOS transaction as it goes over the wire: the hex-encoded signed transaction that the
 * SDK's transaction builder produced, and its hash (the hash of the transaction data, which is
 * what the sender signed).
 */
public record SignedTransaction(String encoded, String hash) {
}
