package org.approvalchain.engine.ledger.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.approvalchain.contracts.AbiCodec;
import org.approvalchain.contracts.CaseLedgerContract.StepKind;
import org.approvalchain.contracts.CaseLedgerContract;
import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.engine.ledger.LedgerStatus;
import org.approvalchain.engine.ledger.SignedTransaction;
import org.approvalchain.engine.ledger.TransactionSigner;
import org.approvalchain.engine.ledger.embedded.EvmState.BlockEnvironment;

/**
 * The embedded ledger's bare pipeline on this machine, for {@code EmbeddedLedgerBenchmark} to show
 * its figures beside: the same {@code CaseLedger.recordStep} transactions through the same stages
 * with no block sealed or stored. Built and signed, then admitted (decoded, hash recomputed,
 * signature verified) on client threads, executed in order on one EVM thread, the state root
 * hashed every {@code blockSize} transactions and the state committed to LevelDB every {@link
 * BlockSealer#COMMIT_BLOCKS} such blocks, as the ledger does. Each stage alone, then all
 * of them as one pipeline. Not a test: it measures and never fails on timing.
 */
public final class PipelineCeiling implements AutoCloseable {

    /** Transactions per second of each stage alone and of the whole pipeline. */
    public record Rates(double sign, double admit, double execute, double pipeline) {
    }

    private static final String CHAIN = "chain0";
    private static final String GROUP = "group0";

    private final ExecutorService evmThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "ceiling-evm"));
    private final ExecutorService clients;
    private final int blockSize;
    private final CaseLedgerContract cases;
    private final TransactionSigner signer;
    private final TransactionVerifier verifier;
    private final LedgerStatus chain;
    private final EvmState evm;
    private final String contract;
    private long height;
    private int run;

    public PipelineCeiling(ChainCrypto crypto, Path stateDirectory, int clientCount, int blockSize) throws Exception {
        this.clients = Executors.newFixedThreadPool(clientCount);
        this.blockSize = blockSize;
        this.cases = new CaseLedgerContract(new AbiCodec(crypto));
        this.signer = TransactionSigner.newAccount(crypto);
        this.verifier = new TransactionVerifier(crypto, CHAIN, GROUP, Long.MAX_VALUE / 2);
        this.chain = new LedgerStatus("ceiling", crypto, CHAIN, GROUP, 0, "0x" + "0".repeat(64));
        this.evm = onEvm(() -> new EvmState(stateDirectory, null));
        VerifiedTransaction deployment = admit(signer.deploy(chain, cases.deploymentData(), cases.artifact().abi()));
        this.contract = onEvm(() -> {
            String address = evm.execute(deployment, 0, nextBlock()).result().contractAddress.toString();
            evm.commit(height);
            return address;
        });
    }

    /** One run of {@code transactions}: each stage alone, then the pipeline on fresh transactions. */
    public Rates measure(int transactions) throws Exception {
        String caseId = "ceiling-" + run++;
        List<SignedTransaction> signed = new ArrayList<>();
        double sign = parallel(transactions, i -> sign(caseId + "/a", i), signed);
        List<VerifiedTransaction> admitted = new ArrayList<>();
        double admit = parallel(transactions, i -> admit(signed.get(i)), admitted);
        long start = System.nanoTime();
        onEvm(() -> {
            executeAll(admitted);
            return null;
        });
        double execute = transactions / seconds(start);
        return new Rates(sign, admit, execute, pipeline(caseId + "/b", transactions));
    }

    /** Client threads sign and admit, handing each transaction to the EVM thread as soon as it is admitted. */
    private double pipeline(String caseId, int transactions) throws Exception {
        BlockingQueue<VerifiedTransaction> queue = new ArrayBlockingQueue<>(transactions);
        long start = System.nanoTime();
        Future<?> executed = evmThread.submit(() -> {
            List<VerifiedTransaction> block = new ArrayList<>();
            for (int i = 0; i < transactions; i++) {
                block.add(queue.take());
                if (block.size() == blockSize || i == transactions - 1) {
                    executeAll(block);
                    block.clear();
                }
            }
            return null;
        });
        List<Future<?>> feeding = new ArrayList<>();
        for (int i = 0; i < transactions; i++) {
            int n = i;
            feeding.add(clients.submit(() -> queue.add(admit(sign(caseId, n)))));
        }
        for (Future<?> f : feeding) {
            f.get();
        }
        executed.get();
        return transactions / seconds(start);
    }

    private void executeAll(List<VerifiedTransaction> txs) {
        BlockEnvironment block = nextBlock();
        for (int i = 0; i < txs.size(); i++) {
            if (EvmState.failed(evm.execute(txs.get(i), i % blockSize, block).result())) {
                throw new IllegalStateException("ceiling transaction " + txs.get(i).hash() + " failed");
            }
            if ((i + 1) % blockSize == 0) {
                endBlock();
                block = nextBlock();
            }
        }
        endBlock();
    }

    private void endBlock() {
        evm.root();
        if (height % BlockSealer.COMMIT_BLOCKS == 0) {
            evm.commit(height);
        }
    }

    private SignedTransaction sign(String caseId, int step) {
        return signer.call(chain, contract, cases.recordStep(caseId, "ceiling:1:x", 1, new byte[32],
                "Activity_" + step, StepKind.AUTOMATIC, new byte[32]));
    }

    private VerifiedTransaction admit(SignedTransaction tx) {
        return verifier.verify(tx.encoded(), 0);
    }

    private BlockEnvironment nextBlock() {
        return new BlockEnvironment(++height, System.currentTimeMillis());
    }

    private <T> double parallel(int count, IntFunction<T> work, List<T> results) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int n = i;
            futures.add(clients.submit(() -> work.apply(n)));
        }
        for (Future<T> f : futures) {
            results.add(f.get());
        }
        return count / seconds(start);
    }

    private <T> T onEvm(Callable<T> work) throws Exception {
        return evmThread.submit(work).get();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public void close() throws Exception {
        onEvm(() -> {
            evm.close();
            return null;
        });
        evmThread.shutdown();
        clients.shutdown();
    }
}
