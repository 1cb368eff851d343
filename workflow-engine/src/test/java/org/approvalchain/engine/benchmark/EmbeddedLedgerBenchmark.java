package org.approvalchain.engine.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.approvalchain.contracts.AbiCodec;
import org.approvalchain.contracts.CaseLedgerContract.StepKind;
import org.approvalchain.contracts.CaseLedgerContract;
import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.engine.ledger.LedgerProperties;
import org.approvalchain.engine.ledger.SignedTransaction;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.approvalchain.engine.ledger.TransactionSigner;
import org.approvalchain.engine.ledger.embedded.EmbeddedLedger;
import org.approvalchain.engine.ledger.embedded.PipelineCeiling;

/**
 * Throughput of the embedded ledger: CaseLedger.recordStep transactions, signed up front, sent by
 * several client threads, each waiting for its receipt (verification, execution, sealing and the
 * block written to disk included). Prints every run, the median per crypto and the SM/ECDSA ratio,
 * and beside them the bare pipeline's ceiling on the same machine ({@link PipelineCeiling}).
 * Not a test: it never fails on timing. Run with {@code bash .ci/benchmark-ledger}.
 */
public final class EmbeddedLedgerBenchmark {

    private static final int RUNS = Integer.getInteger("runs", 5);
    private static final int TRANSACTIONS = Integer.getInteger("transactions", 2_000);
    private static final int CLIENTS = 8;
    private static final Duration BLOCK_INTERVAL = Duration.parse(System.getProperty("blockInterval", "PT0S"));

    private EmbeddedLedgerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double ecdsa = measure(ChainCrypto.ECDSA);
        double ecdsaCeiling = ceiling(ChainCrypto.ECDSA);
        double sm = measure(ChainCrypto.SM);
        double smCeiling = ceiling(ChainCrypto.SM);
        System.out.printf("ratio SM/ECDSA (median tx/s): %.2f%n", sm / ecdsa);
        System.out.printf("ledger / ceiling: ECDSA %.2f, SM %.2f%n", ecdsa / ecdsaCeiling, sm / smCeiling);
    }

    /**
     * The same transactions through the bare pipeline (sign, admit, execute; no block stored), each
     * stage alone and all together; returns the median pipeline rate.
     */
    private static double ceiling(ChainCrypto crypto) throws Exception {
        List<PipelineCeiling.Rates> runs = new ArrayList<>();
        try (PipelineCeiling ceiling = new PipelineCeiling(crypto, Files.createTempDirectory("ledger-ceiling"), CLIENTS, 200)) {
            for (int run = 0; run < RUNS; run++) {
                PipelineCeiling.Rates r = ceiling.measure(TRANSACTIONS);
                runs.add(r);
                System.out.printf("%s ceiling run %d: sign %.0f tx/s, admit %.0f tx/s, execute %.0f tx/s, pipeline %.0f tx/s%n",
                        crypto, run + 1, r.sign(), r.admit(), r.execute(), r.pipeline());
            }
        }
        double pipeline = median(runs.stream().mapToDouble(PipelineCeiling.Rates::pipeline).toArray());
        System.out.printf("%s ceiling median (no block stored): sign %.0f, admit %.0f, execute %.0f, pipeline %.0f tx/s%n",
                crypto, median(runs.stream().mapToDouble(PipelineCeiling.Rates::sign).toArray()),
                median(runs.stream().mapToDouble(PipelineCeiling.Rates::admit).toArray()),
                median(runs.stream().mapToDouble(PipelineCeiling.Rates::execute).toArray()), pipeline);
        return pipeline;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double measure(ChainCrypto crypto) throws Exception {
        Path dir = Files.createTempDirectory("ledger-benchmark");
        CaseLedgerContract cases = new CaseLedgerContract(new AbiCodec(crypto));
        TransactionSigner engine = TransactionSigner.newAccount(crypto);
        double[] rates = new double[RUNS];
        try (EmbeddedLedger ledger = EmbeddedLedger.open(crypto,
                new LedgerProperties.Embedded(dir, "chain0", "group0", 200, BLOCK_INTERVAL, 1000))) {
            TransactionReceipt deployed = ledger.send(engine.deploy(ledger.status(), cases.deploymentData(), cases.artifact().abi()));
            String at = deployed.contractAddress();
            for (int run = 0; run < RUNS; run++) {
                String caseId = "bench-" + run;
                ledger.send(engine.call(ledger.status(), at, cases.openCase(caseId, "bench:1:x", 1, new byte[32])));
                List<SignedTransaction> txs = new ArrayList<>();
                for (int i = 0; i < TRANSACTIONS; i++) {
                    txs.add(engine.call(ledger.status(), at, cases.recordStep(caseId, "bench:1:x", 1, new byte[32], "Activity_" + i, StepKind.AUTOMATIC, new byte[32])));
                }
                rates[run] = sendAll(ledger, txs);
                System.out.printf("%s run %d: %.0f tx/s%n", crypto, run + 1, rates[run]);
            }
        }
        double median = median(rates);
        System.out.printf("%s median: %.0f tx/s (%d runs of %d transactions, %d client threads, block interval %d ms)%n",
                crypto, median, RUNS, TRANSACTIONS, CLIENTS, BLOCK_INTERVAL.toMillis());
        return median;
    }

    private static double sendAll(EmbeddedLedger ledger, List<SignedTransaction> txs) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        List<Future<TransactionReceipt>> receipts = new ArrayList<>();
        for (SignedTransaction tx : txs) {
            receipts.add(clients.submit(() -> ledger.send(tx)));
        }
        for (Future<TransactionReceipt> receipt : receipts) {
            if (!receipt.get().succeeded()) {
                throw new IllegalStateException("benchmark transaction failed: " + receipt.get().revertReason());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        clients.shutdown();
        return txs.size() / seconds;
    }
}
