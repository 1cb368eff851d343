package org.approvalchain.engine.chain;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the journal of chain writes ({@code ac_chain_write}, kept by the chain writer) says about
 * the engine's transactions: how many each contract had included, succeeded or reverted, and the
 * backlog of those journalled but not confirmed yet. Read by the operations module for metrics
 * and readiness; it only reads.
 */
@Component
public class ChainJournal {

    private final JdbcTemplate jdbc;

    ChainJournal(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Transactions of one contract that reached a block, by outcome ({@code succeeded} or {@code reverted}). */
    public record Included(String contract, String outcome, long count) {
    }

    /** Writes journalled (signed) and not confirmed yet, and how long the oldest of them has waited. */
    public record Backlog(long count, Duration oldest) {
    }

    public List<Included> included() {
        return jdbc.query("SELECT contract_name, CASE WHEN status = 0 THEN 'succeeded' ELSE 'reverted' END AS outcome, "
                        + "COUNT(*) FROM ac_chain_write WHERE completed_at IS NOT NULL GROUP BY contract_name, "
                        + "CASE WHEN status = 0 THEN 'succeeded' ELSE 'reverted' END",
                (rs, n) -> new Included(rs.getString(1), rs.getString(2), rs.getLong(3)));
    }

    public Backlog backlog() {
        return jdbc.queryForObject("SELECT COUNT(*), MIN(created_at) FROM ac_chain_write WHERE completed_at IS NULL",
                (rs, n) -> {
                    Timestamp oldest = rs.getTimestamp(2);
                    return new Backlog(rs.getLong(1),
                            oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), Instant.now()));
                });
    }
}
