package org.approvalchain.engine.ledger.embedded;

/**
 * A transaction whose hash and signature have been checked: the sender is the address of the key
 * that signed it. {@code to} is empty for a deployment.
 */
record VerifiedTransaction(String hash, String encoded, String sender, String to, byte[] input,
                           String nonce, long blockLimit) {

    boolean isDeployment() {
        return to == null || to.isEmpty();
    }
}
