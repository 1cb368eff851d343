package org.approvalchain.engine.ledger;

/**
 * A transaction as it stands in a block: its hash, the sender (the address of the key that signed
 * it), the recipient ({@code null} for a deployment), the call data (a deployment's bytecode), and
 * the nonce and block limit it was signed with. What a chain explorer decodes; the outcome is in
 * its {@link TransactionReceipt}.
 */
public record SealedTransaction(String hash, String from, String to, byte[] input, String nonce, long blockLimit) {

    public boolean isDeployment() {
        return to == null;
    }
}
