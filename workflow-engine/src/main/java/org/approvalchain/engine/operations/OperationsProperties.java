package org.approvalchain.engine.operations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operations settings ({@code approvalchain.operations.*}).
 *
 * @param metricsRefresh how often the figures read from the database (cases, tasks, incidents, the
 *     chain journal, kept decisions, the ledger's new blocks) are read again for {@code /actuator/prometheus}
 * @param readiness when the engine reports itself not ready to take work
 */
@ConfigurationProperties("approvalchain.operations")
public record OperationsProperties(@DefaultValue("10s") Duration metricsRefresh, @DefaultValue Readiness readiness) {

    /**
     * @param journalBacklog not ready while more chain writes than this are journalled and unconfirmed...
     * @param journalAge ...or while the oldest of them has waited longer than this (the chain is not taking them)
     */
    public record Readiness(@DefaultValue("200") long journalBacklog, @DefaultValue("2m") Duration journalAge) {
    }
}
