package org.approvalchain.engine.operations;

import org.approvalchain.engine.chain.ChainJournal;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code chainJournal} in health and readiness: OUT_OF_SERVICE while more chain writes wait
 * unconfirmed than {@code approvalchain.operations.readiness.journal-backlog}, or the oldest has
 * waited longer than {@code journal-age}: the chain is not taking the engine's writes, so a load
 * balancer should send new work to another node.
 */
@Component
class ChainJournalHealthIndicator implements HealthIndicator {

    private final ChainJournal journal;
    private final OperationsProperties.Readiness limits;

    ChainJournalHealthIndicator(ChainJournal journal, OperationsProperties properties) {
        this.journal = journal;
        this.limits = properties.readiness();
    }

    @Override
    public Health health() {
        ChainJournal.Backlog backlog = journal.backlog();
        boolean ready = backlog.count() <= limits.journalBacklog() && backlog.oldest().compareTo(limits.journalAge()) <= 0;
        return (ready ? Health.up() : Health.outOfService())
                .withDetail("unconfirmed", backlog.count())
                .withDetail("oldestWaitingSeconds", backlog.oldest().toSeconds())
                .withDetail("limits", limits.journalBacklog() + " writes, " + limits.journalAge().toSeconds() + " s")
                .build();
    }
}
