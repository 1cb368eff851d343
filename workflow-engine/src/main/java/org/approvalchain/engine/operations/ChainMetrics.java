package org.approvalchain.engine.operations;

import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.approvalchain.engine.chain.ChainJournal;
import org.approvalchain.engine.ledger.Block;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.record.CaseRecord;
import org.springframework.stereotype.Component;

/**
 * The engine's side of the chain: transactions included per contract and outcome (from the
 * journal of chain writes), the journal's backlog, decisions kept but not on chain yet, the
 * ledger's height and the time between consecutive blocks (their seal times), read from the blocks
 * sealed since the last read on either adapter.
 */
@Component
class ChainMetrics implements FigureReader {

    /** At most this many new blocks are read per refresh; a longer gap is skipped, not replayed. */
    private static final int MAX_BLOCKS_PER_READ = 500;

    private final ChainJournal journal;
    private final CaseRecord record;
    private final Ledger ledger;
    private final Readings transactions;
    private final Readings backlog;
    private final Readings backlogAge;
    private final Readings unrecordedDecisions;
    private final Readings height;
    private final Timer blockInterval;
    private Block lastBlock;

    ChainMetrics(ChainJournal journal, CaseRecord record, Ledger ledger, MeterRegistry registry) {
        this.journal = journal;
        this.record = record;
        this.ledger = ledger;
        this.transactions = new Readings(registry, "approvalchain.chain.transactions",
                "the engine's transactions included in a block, per contract and outcome (succeeded, reverted)", Readings.Kind.COUNTER);
        this.backlog = new Readings(registry, "approvalchain.chain.journal.backlog",
                "chain writes journalled (signed) and not confirmed yet", Readings.Kind.GAUGE);
        this.backlogAge = new Readings(registry, "approvalchain.chain.journal.oldest.seconds",
                "how long the oldest unconfirmed chain write has waited", Readings.Kind.GAUGE);
        this.unrecordedDecisions = new Readings(registry, "approvalchain.decisions.unrecorded",
                "signed decisions kept by the engine and not on chain yet (the recovery finishes them)", Readings.Kind.GAUGE);
        this.height = new Readings(registry, "approvalchain.ledger.height", "the ledger's latest block number", Readings.Kind.GAUGE);
        this.blockInterval = Timer.builder("approvalchain.ledger.block.interval")
                .description("time between consecutive blocks' seal timestamps").register(registry);
    }

    @Override
    public void read() {
        transactions.read(journal.included().stream().collect(Collectors.toMap(
                i -> Tags.of("contract", i.contract(), "outcome", i.outcome()), ChainJournal.Included::count, Long::sum)));
        ChainJournal.Backlog waiting = journal.backlog();
        backlog.read(waiting.count());
        backlogAge.read(waiting.oldest().toSeconds());
        unrecordedDecisions.read(record.signedTaskIds().size());
        long latest = ledger.status().blockNumber();
        height.read(latest);
        readBlocksUpTo(latest);
    }

    private void readBlocksUpTo(long latest) {
        long from = lastBlock == null || latest - lastBlock.number() > MAX_BLOCKS_PER_READ ? latest : lastBlock.number() + 1;
        for (long n = from; n <= latest; n++) {
            Block block = ledger.blockByNumber(n).orElse(null);
            if (block == null) {
                return;
            }
            if (lastBlock != null && block.number() == lastBlock.number() + 1) {
                blockInterval.record(Math.max(0, block.timestamp() - lastBlock.timestamp()), TimeUnit.MILLISECONDS);
            }
            lastBlock = block;
        }
    }
}
