package org.approvalchain.engine.ledger.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.approvalchain.engine.ledger.Block;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.approvalchain.engine.ledger.embedded.BlockSeal.StoredTransaction;

/**
 * Re-checks the whole stored chain: block numbers consecutive, each block linked to its parent's
 * hash, roots recomputed from the stored transactions and receipts, each header hash recomputed,
 * each seal signed by the node key, and every receipt belonging to its block and transaction.
 * Any edit to a stored block, transaction or receipt shows up as a finding naming the block. The
 * latest block alone can be checked the same way (against its parent), which costs the same however
 * long the chain is.
 */
final class ChainVerifier {

    private final BlockStore store;
    private final BlockSeal seal;
    private final NodeKey sealer;

    ChainVerifier(BlockStore store, BlockSeal seal, NodeKey sealer) {
        this.store = store;
        this.seal = seal;
        this.sealer = sealer;
    }

    List<String> verify() {
        return verify(() -> false);
    }

    /** The whole chain, block by block, unless {@code stopped} says otherwise between two blocks (then what was found so far). */
    List<String> verify(BooleanSupplier stopped) {
        List<String> findings = new ArrayList<>();
        long height = store.latest().map(Block::number).orElse(-1L);
        String parentHash = null;
        for (long n = 0; n <= height && !stopped.getAsBoolean(); n++) {
            Optional<Block> stored = store.byNumber(n);
            if (stored.isEmpty()) {
                findings.add(missing(n));
                parentHash = null;
                continue;
            }
            Block block = stored.get();
            verifyBlock(block, parentHash, findings);
            parentHash = block.hash();
        }
        return findings;
    }

    /** The latest block (none on a new chain) and its link to its parent, or that the parent is missing, as {@link #verify()} says it. */
    List<String> verifyLatest() {
        List<String> findings = new ArrayList<>();
        store.latest().ifPresent(latest -> {
            String parentHash = null;
            if (latest.number() > 0) {
                parentHash = store.byNumber(latest.number() - 1).map(Block::hash).orElse(null);
                if (parentHash == null) {
                    findings.add(missing(latest.number() - 1));
                }
            }
            verifyBlock(latest, parentHash, findings);
        });
        return findings;
    }

    private static String missing(long number) {
        return "block " + number + " is missing";
    }

    private void verifyBlock(Block block, String parentHash, List<String> findings) {
        String at = "block " + block.number() + ": ";
        if (parentHash != null && !parentHash.equals(block.parentHash())) {
            findings.add(at + "parent hash does not link to block " + (block.number() - 1));
        }
        List<StoredTransaction> txs = store.transactions(block.number());
        List<byte[]> receipts = store.receipts(block.number());
        if (!seal.transactionsRoot(txs).equals(block.transactionsRoot())) {
            findings.add(at + "transactions do not match the transactions root");
        }
        if (!seal.receiptsRoot(receipts).equals(block.receiptsRoot())) {
            findings.add(at + "receipts do not match the receipts root");
        }
        String hash = seal.blockHash(block.number(), block.parentHash(), block.timestamp(), block.stateRoot(),
                block.transactionsRoot(), block.receiptsRoot(), block.sealer());
        if (!hash.equals(block.hash())) {
            findings.add(at + "header does not match the block hash");
        }
        if (!sealer.address().equalsIgnoreCase(block.sealer()) || !seal.signedBy(block, sealer.publicKey())) {
            findings.add(at + "seal is not signed by this node's key");
        }
        for (int i = 0; i < receipts.size() && i < txs.size(); i++) {
            TransactionReceipt receipt = ReceiptCodec.decode(receipts.get(i));
            if (receipt.blockNumber() != block.number() || !receipt.transactionHash().equals(txs.get(i).hash())) {
                findings.add(at + "receipt " + i + " does not belong to transaction " + txs.get(i).hash());
            }
        }
        if (receipts.size() != txs.size()) {
            findings.add(at + txs.size() + " transactions but " + receipts.size() + " receipts");
        }
    }
}
