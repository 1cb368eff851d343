package org.approvalchain.engine.chain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.approvalchain.engine.database.SettledCounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the journal of chain writes ({@code ac_chain_write}, kept by the chain writer) says about
 * the engine's transactions: how many each contract had included, succeeded or reverted, the
 * backlog of those journalled but not confirmed yet (read by the operations module for metrics and
 * readiness), and which write, and so which case, a transaction was (read by the chain explorer).
 * It only reads.
 */
@Component
public class ChainJournal {

    /**
     * A case's write keys: {@code <case>/<activity>#<visit>/call} (a contract step's call),
     * {@code <case>/<activity>#<visit>/step} (the step on {@code CaseLedger}) and {@code
     * <case>/task/<task id>/decision}; the engine's other writes (deployments, definitions, keys,
     * demo data) end otherwise.
     */
    private static final Pattern CASE_WRITE = Pattern.compile("([^/]+)/(.+)/(call|step|decision)");
    private static final String WRITE = "SELECT write_key, contract_name, tx_hash, block_number FROM ac_chain_write ";
    private static final String OUTCOME = "CASE WHEN status = 0 THEN 'succeeded' ELSE 'reverted' END";
    /**
     * How long after its receipt was noted a write counts as settled for {@link #included()}: far
     * longer than the transaction that notes a receipt can stay open (it waits for at most a few
     * receipts, {@code ChainWriter.RECEIPT_WAIT} each) before it commits.
     */
    static final Duration SETTLED = Duration.ofMinutes(10);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SettledCounts<List<String>> included;

    @Autowired
    ChainJournal(JdbcTemplate jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    ChainJournal(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.included = new SettledCounts<>(SETTLED, clock, (after, upTo) -> upTo
                .map(until -> count("completed_at > ? AND completed_at <= ?", Timestamp.from(after), Timestamp.from(until)))
                .orElseGet(() -> count("completed_at > ?", Timestamp.from(after))));
    }

    /** Transactions of one contract that reached a block, by outcome ({@code succeeded} or {@code reverted}). */
    public record Included(String contract, String outcome, long count) {
    }

    /** Writes journalled (signed) and not confirmed yet, and how long the oldest of them has waited. */
    public record Backlog(long count, Duration oldest) {
    }

    /**
     * A write of the journal: its key, the contract and the transaction (and its block once
     * included); for a case's write also the case id and what it recorded ({@code
     * Activity_IssueLicence#1/call}, {@code task/<task id>/decision}), else both null.
     */
    public record Write(String key, String contract, String txHash, Long blockNumber, String caseId, String subject) {
    }

    /** The write whose (latest) transaction has this hash; empty for a transaction the engine did not journal. */
    public Optional<Write> ofTransaction(String txHash) {
        return jdbc.query(WRITE + "WHERE tx_hash = ?", ChainJournal::write, txHash.toLowerCase()).stream().findFirst();
    }

    /** The case's writes, in the order they were included (those not included yet last). */
    public List<Write> ofCase(String caseId) {
        String prefix = caseId.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "/%";
        return jdbc.query(WRITE + "WHERE write_key LIKE ? ESCAPE '!' ORDER BY block_number NULLS LAST, created_at",
                ChainJournal::write, prefix).stream().filter(w -> caseId.equals(w.caseId())).toList();
    }

    private static Write write(ResultSet rs, int row) throws SQLException {
        String key = rs.getString(1);
        String contract = rs.getString(2);
        String txHash = rs.getString(3);
        Long blockNumber = rs.getObject(4, Long.class);
        Matcher caseWrite = CASE_WRITE.matcher(key);
        return caseWrite.matches()
                ? new Write(key, contract, txHash, blockNumber, caseWrite.group(1), caseWrite.group(2) + "/" + caseWrite.group(3))
                : new Write(key, contract, txHash, blockNumber, null, null);
    }

    /**
     * The writes included in a block, per contract and outcome. Counting the whole journal on every
     * call grew with the engine's history (a scan of every write and its signed transaction: 2.4%
     * of a busy engine's CPU at 8,000 cases, read every metrics refresh), so the writes settled
     * ({@link #SETTLED}) are counted once, a slice at a time as they settle, and only the recent
     * ones on every call, through the index on {@code completed_at} ({@link SettledCounts}).
     */
    public List<Included> included() {
        return included.read().entrySet().stream()
                .map(e -> new Included(e.getKey().get(0), e.getKey().get(1), e.getValue())).toList();
    }

    /** The writes included whose receipts were noted in the given range, per contract and outcome. */
    private Map<List<String>, Long> count(String range, Object... bounds) {
        Map<List<String>, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT contract_name, " + OUTCOME + ", COUNT(*) FROM ac_chain_write WHERE " + range
                        + " GROUP BY contract_name, " + OUTCOME,
                (ResultSet rs) -> {
                    counts.put(List.of(rs.getString(1), rs.getString(2)), rs.getLong(3));
                }, bounds);
        return counts;
    }

    public Backlog backlog() {
        return jdbc.queryForObject("SELECT COUNT(*), MIN(created_at) FROM ac_chain_write WHERE completed_at IS NULL",
                (rs, n) -> {
                    Timestamp oldest = rs.getTimestamp(2);
                    return new Backlog(rs.getLong(1),
                            oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), clock.instant()));
                });
    }
}
