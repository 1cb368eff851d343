package org.approvalchain.engine.ledger.embedded;

import java.util.ArrayList;
import java.util.List;

import org.approvalchain.engine.ledger.Block;
import org.approvalchain.engine.ledger.ChainSignatures;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;
import org.web3j.utils.Numeric;

/**
 * How the embedded node seals a block and how anyone checks a seal: the transactions root hashes
 * each transaction's hash and signed bytes, the receipts root each stored receipt, the block hash
 * covers the header (number, parent hash, time, state root, both roots, sealer), and the sealer
 * signs the block hash with the node key. Hashing is the chain's own (Keccak-256 or SM3).
 */
final class BlockSeal {

    private final ChainSignatures signatures;

    BlockSeal(ChainSignatures signatures) {
        this.signatures = signatures;
    }

    String transactionsRoot(List<StoredTransaction> transactions) {
        List<RlpType> items = new ArrayList<>();
        for (StoredTransaction tx : transactions) {
            items.add(new RlpList(RlpString.create(Numeric.hexStringToByteArray(tx.hash())), RlpString.create(Numeric.hexStringToByteArray(tx.encoded()))));
        }
        return hash(RlpEncoder.encode(new RlpList(items)));
    }

    String receiptsRoot(List<byte[]> receipts) {
        return hash(RlpEncoder.encode(new RlpList(receipts.stream().<RlpType>map(RlpString::create).toList())));
    }

    String blockHash(long number, String parentHash, long timestamp, String stateRoot, String transactionsRoot,
                     String receiptsRoot, String sealer) {
        return hash(RlpEncoder.encode(new RlpList(RlpString.create(number), RlpString.create(Numeric.hexStringToByteArray(parentHash)),
                RlpString.create(timestamp), RlpString.create(Numeric.hexStringToByteArray(stateRoot)),
                RlpString.create(Numeric.hexStringToByteArray(transactionsRoot)), RlpString.create(Numeric.hexStringToByteArray(receiptsRoot)),
                RlpString.create(Numeric.hexStringToByteArray(sealer)))));
    }

    /** Seals a block: computes its hash and signs it with {@code nodeKey}. */
    Block seal(long number, String parentHash, long timestamp, String stateRoot, List<StoredTransaction> transactions,
               List<byte[]> receipts, NodeKey nodeKey) {
        String txRoot = transactionsRoot(transactions);
        String receiptRoot = receiptsRoot(receipts);
        String hash = blockHash(number, parentHash, timestamp, stateRoot, txRoot, receiptRoot, nodeKey.address());
        String signature = Numeric.toHexString(signatures.sign(Numeric.hexStringToByteArray(hash), nodeKey.privateKey()));
        return new Block(number, hash, parentHash, timestamp, stateRoot, txRoot, receiptRoot,
                transactions.stream().map(StoredTransaction::hash).toList(), nodeKey.address(), signature);
    }

    boolean signedBy(Block block, byte[] sealerPublicKey) {
        try {
            return signatures.signer(Numeric.hexStringToByteArray(block.hash()), Numeric.hexStringToByteArray(block.signature()))
                    .map(key -> java.util.Arrays.equals(key, sealerPublicKey)).orElse(false);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    private String hash(byte[] data) {
        return Numeric.toHexString(signatures.hash(data));
    }

    /** A transaction as the block store keeps it: hash, signed bytes (hex) and sender. */
    record StoredTransaction(String hash, String encoded, String sender) {
    }
}
