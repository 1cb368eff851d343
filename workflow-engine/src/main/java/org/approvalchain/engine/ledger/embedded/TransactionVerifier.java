package org.approvalchain.engine.ledger.embedded;

import java.util.Arrays;

import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.engine.ledger.embedded.BlockSeal.StoredTransaction;
import org.approvalchain.engine.ledger.ChainSignatures;
import org.approvalchain.engine.ledger.SealedTransaction;
import org.approvalchain.engine.ledger.TransactionRejectedException;
import org.fisco.bcos.sdk.jni.common.JniException;
import org.fisco.bcos.sdk.jni.utilities.tx.Transaction;
import org.fisco.bcos.sdk.jni.utilities.tx.TransactionBuilderV1JniObj;
import org.fisco.bcos.sdk.jni.utilities.tx.TransactionDataV1;
import org.fisco.bcos.sdk.jni.utilities.tx.TransactionStructBuilderJniObj;
import org.fisco.bcos.sdk.jni.utilities.tx.TransactionVersion;
import org.fisco.bcos.sdk.v3.utils.Hex;

/**
 * Checks a FISCO BCOS transaction the way a node does before it enters the pool: it decodes, its
 * data hash is recomputed, the signature is verified and the sender derived from the key, and its
 * chain id, group id and block limit fit this chain. Stateless and thread-safe, so verification
 * can run on the callers' threads rather than on the single EVM thread.
 */
final class TransactionVerifier {

    private final ChainCrypto crypto;
    private final ChainSignatures signatures;
    private final String chainId;
    private final String groupId;
    private final long blockLimitWindow;

    TransactionVerifier(ChainCrypto crypto, String chainId, String groupId, long blockLimitWindow) {
        this.crypto = crypto;
        this.signatures = ChainSignatures.of(crypto);
        this.chainId = chainId;
        this.groupId = groupId;
        this.blockLimitWindow = blockLimitWindow;
    }

    /** Verifies {@code encoded} against the chain at height {@code blockNumber}. */
    VerifiedTransaction verify(String encoded, long blockNumber) {
        Transaction tx = decode(encoded);
        if (!(tx.getTransactionData() instanceof TransactionDataV1 data)) {
            throw new TransactionRejectedException("unsupported transaction version: expected v1");
        }
        if (!chainId.equals(data.getChainId())) {
            throw new TransactionRejectedException("wrong chain id '" + data.getChainId() + "': this chain is '" + chainId + "'");
        }
        if (!groupId.equals(data.getGroupId())) {
            throw new TransactionRejectedException("wrong group id '" + data.getGroupId() + "': this group is '" + groupId + "'");
        }
        if (data.getBlockLimit() <= blockNumber || data.getBlockLimit() > blockNumber + blockLimitWindow) {
            throw new TransactionRejectedException("block limit " + data.getBlockLimit() + " outside (" + blockNumber
                    + ", " + (blockNumber + blockLimitWindow) + "]: expired or too far ahead");
        }
        byte[] hash = Hex.decode(recomputeHash(data));
        if (!Arrays.equals(hash, tx.getDataHash())) {
            throw new TransactionRejectedException("transaction hash does not match its data");
        }
        String sender = senderOf(hash, tx.getSignature());
        return new VerifiedTransaction("0x" + Hex.toHexString(hash), encoded, sender, data.getTo(), data.getInput(),
                data.getNonce(), data.getBlockLimit());
    }

    /** A stored transaction as the port shows it: decoded again from the signed bytes the block keeps. */
    static SealedTransaction sealed(StoredTransaction stored) {
        TransactionDataV1 data = (TransactionDataV1) decode(stored.encoded()).getTransactionData();
        String to = data.getTo() == null || data.getTo().isEmpty() ? null : data.getTo();
        return new SealedTransaction(stored.hash(), stored.sender(), to, data.getInput(), data.getNonce(), data.getBlockLimit());
    }

    /** A stored transaction as it was verified when its block was sealed: decoded again, its sender as stored. */
    static VerifiedTransaction verifiedWhenSealed(StoredTransaction stored) {
        SealedTransaction tx = sealed(stored);
        return new VerifiedTransaction(tx.hash(), stored.encoded(), tx.from(), tx.to(), tx.input(), tx.nonce(), tx.blockLimit());
    }

    private static Transaction decode(String encoded) {
        try {
            return TransactionStructBuilderJniObj.decodeTransactionStructV1(encoded);
        } catch (JniException | RuntimeException e) {
            throw new TransactionRejectedException("not a FISCO BCOS transaction: " + e.getMessage());
        }
    }

    private String recomputeHash(TransactionDataV1 d) {
        try {
            return TransactionBuilderV1JniObj.calcTransactionDataHashWithFullFields(crypto.fiscoType(),
                    TransactionVersion.fromInt(d.getVersion()), d.getGroupId(), d.getChainId(), d.getTo(),
                    d.getNonce(), d.getInput(), d.getAbi(), d.getBlockLimit(), d.getValue(), d.getGasPrice(),
                    d.getGasLimit(), d.getMaxFeePerGas(), d.getMaxPriorityFeePerGas());
        } catch (JniException e) {
            throw new TransactionRejectedException("cannot hash transaction data: " + e.getMessage());
        }
    }

    private String senderOf(byte[] hash, byte[] signature) {
        byte[] publicKey = signatures.signer(hash, signature)
                .orElseThrow(() -> new TransactionRejectedException("invalid signature"));
        return "0x" + Hex.toHexString(signatures.address(publicKey));
    }
}
