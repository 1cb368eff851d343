package org.approvalchain.engine.ledger;

import java.util.UUID;

import org.approvalchain.contracts.ChainCrypto;
import org.fisco.bcos.sdk.jni.common.JniException;
import org.fisco.bcos.sdk.jni.utilities.tx.TransactionBuilderV1JniObj;
import org.fisco.bcos.sdk.jni.utilities.tx.TxPair;
import org.fisco.bcos.sdk.v3.crypto.keypair.CryptoKeyPair;

/**
 * Builds and signs FISCO BCOS (v1) transactions for one account with the FISCO SDK's own
 * transaction builder, exactly as the SDK does for a real node: a random nonce, a block limit a
 * few hundred blocks above the current height, no gas price and the EVM ABI codec attribute.
 */
public final class TransactionSigner {

    /** How far above the current height the block limit is set; FISCO's SDK uses 500 as well. */
    public static final long BLOCK_LIMIT_MARGIN = 500;

    private static final int EVM_ABI_CODEC = 0x1;

    private final ChainCrypto crypto;
    private final CryptoKeyPair account;

    public TransactionSigner(ChainCrypto crypto, CryptoKeyPair account) {
        this.crypto = crypto;
        this.account = account;
    }

    public ChainCrypto crypto() {
        return crypto;
    }

    /** The signing account's address, 0x-prefixed lower-case hex. */
    public String address() {
        return account.getAddress();
    }

    /** A transaction calling {@code to} with ABI-encoded {@code input}. */
    public SignedTransaction call(LedgerStatus chain, String to, byte[] input) {
        return sign(chain, to, input, "", chain.blockNumber() + BLOCK_LIMIT_MARGIN);
    }

    /** A transaction deploying a contract: creation bytecode as input, its ABI alongside. */
    public SignedTransaction deploy(LedgerStatus chain, byte[] bytecode, String abi) {
        return sign(chain, "", bytecode, abi, chain.blockNumber() + BLOCK_LIMIT_MARGIN);
    }

    /** A transaction with every field given, for callers that must control the block limit. */
    public SignedTransaction sign(LedgerStatus chain, String to, byte[] input, String abi, long blockLimit) {
        if (chain.crypto() != crypto) {
            throw new IllegalArgumentException("signer is for a " + crypto + " chain, the ledger is " + chain.crypto());
        }
        try {
            TxPair pair = TransactionBuilderV1JniObj.createSignedTransactionWithFullFields(
                    account.getJniKeyPair(), chain.groupId(), chain.chainId(), to,
                    UUID.randomUUID().toString().replace("-", ""), input, abi, blockLimit,
                    "0x0", "0x0", 0, EVM_ABI_CODEC, "");
            return new SignedTransaction(pair.getSignedTx(), pair.getTxHash());
        } catch (JniException e) {
            throw new IllegalStateException("FISCO SDK could not build the transaction: " + e.getMessage(), e);
        }
    }
}
