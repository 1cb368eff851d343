package org.approvalchain.engine.ledger.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.horizen.evm.results.EvmLog;
import io.horizen.evm.results.InvocationResult;
import org.approvalchain.engine.ledger.Block;
import org.approvalchain.engine.ledger.CallResult;
import org.approvalchain.engine.ledger.EventLog;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.approvalchain.engine.ledger.TransactionRejectedException;
import org.approvalchain.engine.ledger.embedded.BlockSeal.StoredTransaction;
import org.approvalchain.engine.ledger.embedded.EvmState.BlockEnvironment;
import org.approvalchain.engine.ledger.embedded.EvmState.Execution;
import org.fisco.bcos.sdk.v3.transaction.codec.decode.RevertMessageParser;
import org.web3j.utils.Numeric;

/**
 * The one thread that owns the EVM state. Verified transactions queue here and are sealed into a
 * block when {@code maxTransactions} are waiting or the oldest has waited {@code maxInterval}:
 * executed in order, the state committed, the block sealed and stored, and only then the
 * receipts handed out. Read-only calls run on the same thread between blocks. Kept in one class
 * (a little over 200 lines) on purpose: libevm aborts the JVM if two threads touch a StateDB, and
 * that rule is easiest to check when everything that runs on the EVM thread is in one place.
 */
final class BlockSealer implements AutoCloseable {

    private static final int STATUS_FAILED = 1;

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

    BlockSealer(Path stateDirectory, BlockStore store, BlockSeal seal, NodeKey nodeKey, Block latest,
                int maxTransactions, Duration maxInterval) {
        this.store = store;
        this.seal = seal;
        this.nodeKey = nodeKey;
        this.maxTransactions = maxTransactions;
        this.maxInterval = maxInterval;
        this.latest = latest;
        this.evm = onThread(() -> new EvmState(stateDirectory, latest.stateRoot()));
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
            String stateRoot = evm.commit();
            List<byte[]> encoded = receipts.stream().map(ReceiptCodec::encode).toList();
            Block block = seal.seal(number, parent.hash(), env.timestamp(), stateRoot, txs, encoded, nodeKey);
            store.append(block, txs, encoded);
            latest = block;
            for (int i = 0; i < included.size(); i++) {
                included.get(i).receipt.complete(receipts.get(i));
            }
        } catch (RuntimeException e) {
            evm.reset(parent.stateRoot());
            included.forEach(p -> p.receipt.completeExceptionally(e));
        } finally {
            batch.forEach(p -> pendingHashes.remove(p.tx.hash()));
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
            evm.close();
            return null;
        });
        thread.shutdown();
    }

    private record Pending(VerifiedTransaction tx, CompletableFuture<TransactionReceipt> receipt) {
    }
}
