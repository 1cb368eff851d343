package org.approvalchain.engine.ledger;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.UUID;

import org.approvalchain.contracts.ChainCrypto;
import org.fisco.bcos.sdk.jni.common.JniException;
import org.fisco.bcos.sdk.jni.utilities.tx.TransactionBuilderV1JniObj;
import org.fisco.bcos.sdk.jni.utilities.tx.TransactionVersion;
import org.web3j.utils.Numeric;

/**
 * Builds and signs FISCO BCOS (v1) transactions for one account, the way the SDK's proxy-sign
 * transaction manager does: the SDK computes the transaction data hash, the account signs it (in
 * Java, see {@link ChainSignatures}), and the SDK encodes the signed transaction. A random nonce,
 * a block limit {@value #BLOCK_LIMIT_MARGIN} blocks above the current height, no gas price, the
 * EVM ABI codec attribute: exactly what a real node accepts.
 */
public final class TransactionSigner {

    /** How far above the current height the block limit is set; FISCO's SDK uses 500 as well. */
    public static final long BLOCK_LIMIT_MARGIN = 500;

    private static final int EVM_ABI_CODEC = 0x1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ChainCrypto crypto;
    private final ChainSignatures signatures;
    private final BigInteger privateKey;
    private final String address;

    public TransactionSigner(ChainCrypto crypto, BigInteger privateKey) {
        this.crypto = crypto;
        this.signatures = ChainSignatures.of(crypto);
        this.privateKey = privateKey;
        this.address = Numeric.toHexString(signatures.address(signatures.publicKey(privateKey)));
    }

    /** A signer for a new random account. */
    public static TransactionSigner newAccount(ChainCrypto crypto) {
        return new TransactionSigner(crypto, new BigInteger(255, RANDOM).add(BigInteger.ONE));
    }

    public ChainCrypto crypto() {
        return crypto;
    }

    /** The signing account's address, 0x-prefixed lower-case hex. */
    public String address() {
        return address;
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
        String nonce = UUID.randomUUID().toString().replace("-", "");
        try {
            String hash = TransactionBuilderV1JniObj.calcTransactionDataHashWithFullFields(crypto.fiscoType(),
                    TransactionVersion.V1, chain.groupId(), chain.chainId(), to, nonce, input, abi, blockLimit,
                    "0x0", "0x0", 0, "", "");
            byte[] signature = signatures.sign(Numeric.hexStringToByteArray(hash), privateKey);
            String encoded = TransactionBuilderV1JniObj.createSignedTransactionWithSignature(signature, hash,
                    TransactionVersion.V1, chain.groupId(), chain.chainId(), to, nonce, input, abi, blockLimit,
                    "0x0", "0x0", 0, "", "", EVM_ABI_CODEC, "");
            return new SignedTransaction(encoded, Numeric.prependHexPrefix(hash));
        } catch (JniException e) {
            throw new IllegalStateException("FISCO SDK could not build the transaction: " + e.getMessage(), e);
        }
    }
}
