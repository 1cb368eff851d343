package org.approvalchain.engine.ledger.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.horizen.evm.LibEvmException;
import io.horizen.evm.results.EvmLog;
import io.horizen.evm.results.InvocationResult;
import org.approvalchain.engine.ledger.Block;
import org.approvalchain.engine.ledger.CallResult;
import org.approvalchain.engine.ledger.EventLog;
import org.approvalchain.engine.ledger.LedgerUnavailableException;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.approvalchain.engine.ledger.TransactionRejectedException;
import org.approvalchain.engine.ledger.embedded.BlockSeal.StoredTransaction;
import org.approvalchain.engine.ledger.embedded.EvmState.BlockEnvironment;
import org.approvalchain.engine.ledger.embedded.EvmState.Committed;
import org.approvalchain.engine.ledger.embedded.EvmState.Execution;
import org.fisco.bcos.sdk.v3.transaction.codec.decode.RevertMessageParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.utils.Numeric;

/**
 * The one thread that owns the EVM state. Verified transactions queue here and are sealed into a
 * block when {@code maxTransactions} are waiting or the oldest has waited {@code maxInterval}:
 * executed in order, the state root hashed, the block sealed and stored, and only then the
 * receipts handed out. The state itself is written to LevelDB every {@value #COMMIT_BLOCKS}
 * blocks and on close; opened after a kill, the blocks stored since its last commit are executed
 * again from the block store, and each must give the state root and receipts it was sealed with.
 * Read-only calls run on the same thread between blocks. Kept in one class
 * (about 300 lines) on purpose: libevm aborts the JVM if two threads touch a StateDB, and
 * that rule is easiest to check when everything that runs on the EVM thread is in one place.
 */
final class BlockSealer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BlockSealer.class);
    private static final int STATUS_FAILED = 1;
    /** Blocks sealed between two commits of the EVM state to LevelDB (at most this many are executed again after a kill). */
    static final int COMMIT_BLOCKS = 64;

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ledger-evm");
        t.setDaemon(true);
        return t;
    });
    private final BlockStore store;
    private final BlockSeal seal;
    private final NodeKey nodeKey;
    private final int maxTransactions;
    private final Duration maxInterval;
    private final EvmState evm;
    private final List<Pending> pending = new ArrayList<>();
    private final Set<String> pendingHashes = new HashSet<>();
    private ScheduledFuture<?> scheduledSeal;
    private volatile Block latest;
    private Committed committed;
    /** Set when the state could not be restored after a failed block: every later request is refused. */
    private LedgerUnavailableException unusable;

    BlockSealer(Path stateDirectory, BlockStore store, BlockSeal seal, NodeKey nodeKey, Block latest,
                int maxTransactions, Duration maxInterval) {
        this.store = store;
        this.seal = seal;
        this.nodeKey = nodeKey;
        this.maxTransactions = maxTransactions;
        this.maxInterval = maxInterval;
        this.latest = latest;
        // a state directory without the file is new, or from before it: every block's state committed
        Optional<Committed> named = EvmState.committed(stateDirectory);
        this.committed = named.orElseGet(() -> new Committed(latest.number(), latest.stateRoot()));
        if (committed.blockNumber() > latest.number()) {
            throw new ChainCorruptedException(List.of("the EVM state is committed at block " + committed.blockNumber()
                    + ", beyond the latest stored block " + latest.number()));
        }
        this.evm = onThread(() -> openState(stateDirectory));
        onThread(() -> {
            if (named.isEmpty()) {
                committed = evm.commit(committed.blockNumber());
            }
            executeAgain(latest.number());
            return null;
        });
    }

    private EvmState openState(Path stateDirectory) {
        try {
            return new EvmState(stateDirectory, committed.stateRoot());
        } catch (LibEvmException e) {
            throw new ChainCorruptedException(List.of("the EVM state of block " + committed.blockNumber() + " (root "
                    + committed.stateRoot() + ") is not in " + stateDirectory + ": " + e.getMessage()));
        }
    }

    Block latest() {
        return latest;
    }

    CompletableFuture<TransactionReceipt> submit(VerifiedTransaction tx) {
        CompletableFuture<TransactionReceipt> receipt = new CompletableFuture<>();
        thread.execute(() -> enqueue(tx, receipt));
        return receipt;
    }

    CallResult call(String from, String to, byte[] input) {
        return onThread(() -> {
            if (unusable != null) {
                throw unusable;
            }
            InvocationResult r = evm.call(from, to, input,
                    new BlockEnvironment(latest.number() + 1, System.currentTimeMillis()));
            int status = status(r);
            return new CallResult(status, r.returnData, revertReason(status, r));
        });
    }

    byte[] code(String address) {
        return onThread(() -> evm.code(address));
    }

    private void enqueue(VerifiedTransaction tx, CompletableFuture<TransactionReceipt> receipt) {
        if (unusable != null) {
            receipt.completeExceptionally(unusable);
            return;
        }
        if (store.containsTransaction(tx.hash()) || !pendingHashes.add(tx.hash())) {
            receipt.completeExceptionally(new TransactionRejectedException("replayed transaction " + tx.hash()));
            return;
        }
        pending.add(new Pending(tx, receipt));
        if (pending.size() >= maxTransactions) {
            sealPending();
        } else if (scheduledSeal == null) {
            scheduledSeal = thread.schedule(this::sealPending, maxInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void sealPending() {
        if (scheduledSeal != null) {
            scheduledSeal.cancel(false);
            scheduledSeal = null;
        }
        List<Pending> batch = new ArrayList<>(pending);
        pending.clear();
        Block parent = latest;
        long number = parent.number() + 1;
        BlockEnvironment env = new BlockEnvironment(number, Math.max(System.currentTimeMillis(), parent.timestamp()));
        List<Pending> included = new ArrayList<>();
        List<StoredTransaction> txs = new ArrayList<>();
        List<TransactionReceipt> receipts = new ArrayList<>();
        for (Pending p : batch) {
            if (p.tx.blockLimit() < number) {
                p.receipt.completeExceptionally(new TransactionRejectedException("block limit " + p.tx.blockLimit()
                        + " expired before block " + number));
                continue;
            }
            receipts.add(execute(p.tx, included.size(), env));
            txs.add(new StoredTransaction(p.tx.hash(), p.tx.encoded(), p.tx.sender()));
            included.add(p);
        }
        try {
            String stateRoot = evm.root();
            List<byte[]> encoded = receipts.stream().map(ReceiptCodec::encode).toList();
            Block block = seal.seal(number, parent.hash(), env.timestamp(), stateRoot, txs, encoded, nodeKey);
            store.append(block, txs, encoded);
            latest = block;
            for (int i = 0; i < included.size(); i++) {
                included.get(i).receipt.complete(receipts.get(i));
            }
            if (number - committed.blockNumber() >= COMMIT_BLOCKS) {
                committed = evm.commit(number);
            }
        } catch (RuntimeException e) {
            included.forEach(p -> p.receipt.completeExceptionally(e));
            // the latest stored block: the parent, or this one when only the commit after it failed
            rewindTo(latest.number());
        } finally {
            batch.forEach(p -> pendingHashes.remove(p.tx.hash()));
        }
    }

    /** Drops what the failed block executed: the committed state, and the stored blocks after it executed again. */
    private void rewindTo(long blockNumber) {
        try {
            evm.reset(committed.stateRoot());
            executeAgain(blockNumber);
        } catch (RuntimeException e) {
            unusable = new LedgerUnavailableException("LEDGER-209", "the EVM state could not be restored to block "
                    + blockNumber + " after a block failed (" + e.getMessage() + "): restart the engine", e);
            log.error(unusable.getMessage());
        }
    }

    /**
     * Executes the stored blocks after the committed state up to {@code lastBlock} again, each
     * checked against the state root and receipts it was sealed with, then commits the state.
     */
    private void executeAgain(long lastBlock) {
        for (long number = committed.blockNumber() + 1; number <= lastBlock; number++) {
            Block block = store.byNumber(number).orElseThrow();
            BlockEnvironment env = new BlockEnvironment(number, block.timestamp());
            List<StoredTransaction> txs = store.transactions(number);
            List<byte[]> sealed = store.receipts(number);
            for (int i = 0; i < txs.size(); i++) {
                byte[] receipt = ReceiptCodec.encode(execute(TransactionVerifier.verifiedWhenSealed(txs.get(i)), i, env));
                if (!Arrays.equals(receipt, sealed.get(i))) {
                    throw new ChainCorruptedException(List.of("block " + number + ": executed again, transaction "
                            + txs.get(i).hash() + " gives another receipt than the one stored"));
                }
            }
            String root = evm.root();
            if (!root.equals(block.stateRoot())) {
                throw new ChainCorruptedException(List.of("block " + number + ": executed again, its transactions give state root "
                        + root + ", the block was sealed with " + block.stateRoot()));
            }
        }
        if (lastBlock > committed.blockNumber()) {
            log.info("LEDGER-005 executed blocks {} to {} again, after the state committed at block {}",
                    committed.blockNumber() + 1, lastBlock, committed.blockNumber());
            committed = evm.commit(lastBlock);
        }
    }

    private TransactionReceipt execute(VerifiedTransaction tx, int index, BlockEnvironment env) {
        try {
            Execution e = evm.execute(tx, index, env);
            InvocationResult r = e.result();
            int status = status(r);
            List<EventLog> logs = new ArrayList<>();
            for (EvmLog log : e.logs()) {
                logs.add(new EventLog(log.address.toString(), List.of(log.topics).stream().map(Object::toString).toList(),
                        log.data, env.number(), tx.hash(), logs.size()));
            }
            String contract = tx.isDeployment() && status == TransactionReceipt.STATUS_OK ? r.contractAddress.toString() : null;
            byte[] output = tx.isDeployment() && status == TransactionReceipt.STATUS_OK ? new byte[0] : r.returnData;
            return new TransactionReceipt(tx.hash(), env.number(), tx.sender(), tx.to(), contract, status,
                    output == null ? new byte[0] : output, revertReason(status, r), e.gasUsed(), logs);
        } catch (RuntimeException e) {
            return new TransactionReceipt(tx.hash(), env.number(), tx.sender(), tx.to(), null, STATUS_FAILED, new byte[0],
                    "execution failed: " + e.getMessage(), 0, List.of());
        }
    }

    private static int status(InvocationResult r) {
        if (!EvmState.failed(r)) {
            return TransactionReceipt.STATUS_OK;
        }
        return r.reverted ? TransactionReceipt.STATUS_REVERTED : STATUS_FAILED;
    }

    private static String revertReason(int status, InvocationResult r) {
        if (status == TransactionReceipt.STATUS_OK) {
            return null;
        }
        var parsed = RevertMessageParser.tryResolveRevertMessage(status, Numeric.toHexString(r.returnData == null ? new byte[0] : r.returnData));
        return Boolean.TRUE.equals(parsed.getValue1()) ? parsed.getValue2() : r.executionError;
    }

    private <T> T onThread(java.util.concurrent.Callable<T> work) {
        try {
            return thread.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the EVM thread", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        onThread(() -> {
            if (!pending.isEmpty()) {
                sealPending();
            }
            if (latest.number() > committed.blockNumber()) {
                committed = evm.commit(latest.number());
            }
            evm.close();
            return null;
        });
        thread.shutdown();
    }

    private record Pending(VerifiedTransaction tx, CompletableFuture<TransactionReceipt> receipt) {
    }
}
