package org.approvalchain.engine.ledger.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.engine.ledger.Block;
import org.approvalchain.engine.ledger.CallResult;
import org.approvalchain.engine.ledger.ChainSignatures;
import org.approvalchain.engine.ledger.EventLog;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.ledger.LedgerProperties;
import org.approvalchain.engine.ledger.LedgerStatus;
import org.approvalchain.engine.ledger.SealedTransaction;
import org.approvalchain.engine.ledger.SignedTransaction;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.approvalchain.engine.ledger.TransactionRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A one-node chain inside this process: the default ledger on one machine, as H2 is the default
 * database. It accepts the same signed FISCO BCOS transactions a real node does, verifies them
 * (signature, chain id, group id, block limit, replay), executes the real contract bytecode with
 * libevm, and keeps hash-linked, signed blocks in its own store under the data directory. Opening
 * it verifies the stored chain (all of it first, or the latest block first and the rest in the
 * background) and continues it at the same state root.
 */
public final class EmbeddedLedger implements Ledger {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedLedger.class);
    private static final String ZERO_HASH = "0x" + "0".repeat(64);
    private static final long SEND_TIMEOUT_SECONDS = 60;

    private final ChainCrypto crypto;
    private final LedgerProperties.Embedded settings;
    private final BlockStore store;
    private final ChainVerifier chainVerifier;
    private final TransactionVerifier transactionVerifier;
    private final BlockSealer sealer;
    private final Thread background = new Thread(this::verifyStoredChain, "ledger-chain-verifier");
    private volatile ChainCorruptedException corrupted;
    private volatile boolean closed;

    private EmbeddedLedger(ChainCrypto crypto, LedgerProperties.Embedded settings, BlockStore store,
                           ChainVerifier chainVerifier, BlockSealer sealer) {
        this.crypto = crypto;
        this.settings = settings;
        this.store = store;
        this.chainVerifier = chainVerifier;
        this.transactionVerifier = new TransactionVerifier(crypto, settings.chainId(), settings.groupId(),
                settings.blockLimitWindow());
        this.sealer = sealer;
        this.background.setDaemon(true);
    }

    /**
     * Opens the chain in {@code settings.dataDir()}, creating it with a genesis block the first
     * time, and verifies every stored block before it returns.
     *
     * @throws ChainCorruptedException when a stored block, transaction or receipt was altered
     */
    public static EmbeddedLedger open(ChainCrypto crypto, LedgerProperties.Embedded settings) {
        return open(crypto, settings, false);
    }

    /**
     * Opens the chain as {@link #open(ChainCrypto, LedgerProperties.Embedded)} does, but verifies
     * only the latest block (the one sealing continues from) before it returns, so that opening
     * takes no longer for a long chain than for a short one; the rest is verified on a thread of its
     * own. Should that find an altered block, every later use of the ledger is refused with the
     * findings ({@code LEDGER-210}), its status included, so the engine's health is DOWN.
     *
     * @throws ChainCorruptedException when the latest block does not verify
     */
    public static EmbeddedLedger openVerifyingInBackground(ChainCrypto crypto, LedgerProperties.Embedded settings) {
        return open(crypto, settings, true);
    }

    private static EmbeddedLedger open(ChainCrypto crypto, LedgerProperties.Embedded settings, boolean inBackground) {
        Path dir = settings.dataDir().toAbsolutePath();
        createDirectories(dir);
        ChainSignatures signatures = ChainSignatures.of(crypto);
        NodeKey nodeKey = NodeKey.loadOrCreate(dir.resolve("node.key"), signatures);
        BlockStore store = BlockStore.open(dir);
        BlockSeal seal = new BlockSeal(signatures);
        ChainVerifier verifier = new ChainVerifier(store, seal, nodeKey);
        List<String> findings = inBackground ? verifier.verifyLatest() : verifier.verify();
        if (!findings.isEmpty()) {
            store.close();
            throw new ChainCorruptedException(findings);
        }
        Block latest = store.latest().orElseGet(() -> genesis(store, seal, nodeKey));
        BlockSealer sealer;
        try {
            sealer = new BlockSealer(dir.resolve("state"), store, seal, nodeKey, latest,
                    settings.maxBlockTransactions(), settings.maxBlockInterval());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        log.info("LEDGER-001 embedded {} chain opened at {}: height {}, state root {}", crypto, dir, latest.number(),
                latest.stateRoot());
        EmbeddedLedger ledger = new EmbeddedLedger(crypto, settings, store, verifier, sealer);
        if (inBackground) {
            ledger.background.start();
        }
        return ledger;
    }

    /** Verifies the stored chain as it stands when this begins, and refuses the ledger from then on should it not verify. */
    private void verifyStoredChain() {
        long started = System.nanoTime();
        List<String> findings;
        try {
            findings = chainVerifier.verify(() -> closed);
        } catch (RuntimeException e) {
            if (closed) {
                return;
            }
            findings = List.of("the stored chain could not be read: " + e.getMessage());
        }
        if (!findings.isEmpty()) {
            corrupted = new ChainCorruptedException(findings);
            log.error("{}: the ledger refuses every request from now on", corrupted.getMessage());
        } else if (!closed) {
            log.info("LEDGER-004 stored chain verified in the background in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Waits until the background verification has ended (at once when there is none); for tests. */
    void awaitBackgroundVerification(Duration timeout) throws InterruptedException {
        background.join(timeout.toMillis());
    }

    /** Throws the background verification's findings, once it has any. */
    private void requireIntact() {
        ChainCorruptedException found = corrupted;
        if (found != null) {
            throw found;
        }
    }

    @Override
    public LedgerStatus status() {
        requireIntact();
        Block latest = sealer.latest();
        return new LedgerStatus("embedded", crypto, settings.chainId(), settings.groupId(), latest.number(), latest.hash());
    }

    @Override
    public TransactionReceipt send(SignedTransaction transaction) {
        requireIntact();
        VerifiedTransaction tx = transactionVerifier.verify(transaction.encoded(), sealer.latest().number());
        try {
            return sealer.submit(tx).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new TransactionRejectedException("no block sealed within " + SEND_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for transaction " + tx.hash(), e);
        }
    }

    @Override
    public CallResult call(String from, String to, byte[] input) {
        requireIntact();
        return sealer.call(from, to, input);
    }

    @Override
    public byte[] code(String address) {
        requireIntact();
        return sealer.code(address);
    }

    @Override
    public Optional<Block> blockByNumber(long number) {
        requireIntact();
        return store.byNumber(number);
    }

    @Override
    public Optional<Block> blockByHash(String hash) {
        requireIntact();
        return store.byHash(hash);
    }

    @Override
    public Optional<TransactionReceipt> receipt(String transactionHash) {
        requireIntact();
        return store.receipt(transactionHash).map(ReceiptCodec::decode);
    }

    @Override
    public Optional<SealedTransaction> transaction(String transactionHash) {
        requireIntact();
        return store.transaction(transactionHash).map(TransactionVerifier::sealed);
    }

    @Override
    public List<EventLog> events(String contractAddress, long fromBlock, long toBlock) {
        requireIntact();
        List<EventLog> events = new ArrayList<>();
        for (long n = Math.max(0, fromBlock); n <= Math.min(toBlock, sealer.latest().number()); n++) {
            for (byte[] receipt : store.receipts(n)) {
                ReceiptCodec.decode(receipt).logs().stream()
                        .filter(e -> e.address().equalsIgnoreCase(contractAddress))
                        .forEach(events::add);
            }
        }
        return events;
    }

    /** Re-verifies the whole stored chain now; empty when it is intact. */
    public List<String> verifyChain() {
        return chainVerifier.verify();
    }

    @Override
    public void close() {
        closed = true;
        try {
            background.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sealer.close();
        store.close();
    }

    private static Block genesis(BlockStore store, BlockSeal seal, NodeKey nodeKey) {
        String emptyRoot = io.horizen.evm.StateDB.EMPTY_ROOT_HASH.toString();
        Block genesis = seal.seal(0, ZERO_HASH, System.currentTimeMillis(), emptyRoot, List.of(), List.of(), nodeKey);
        store.append(genesis, List.of(), List.of());
        return genesis;
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("LEDGER-207 cannot create the ledger data directory " + dir, e);
        }
    }
}
