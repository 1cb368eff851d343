package org.approvalchain.engine.database;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts of a table's rows by key, for a table whose rows stop changing once a time of theirs (a
 * receipt noted, a case ended) lies {@code settled} in the past: those are counted once, a slice of
 * time at a time as they settle, and only the rows not settled yet are counted on every read.
 * Counting the whole table on every read (a metric, every refresh) costs more the longer the
 * engine's history. {@code settled} must be longer than a transaction that sets such a time can
 * stay open, or a row committed after its slice was counted is missed.
 *
 * @param <K> what the rows are counted by
 */
public final class SettledCounts<K> {

    /** Counts rows by key: those whose time lies in {@code (after, upTo]}, or, when {@code upTo} is empty, every row not settled by {@code after}. */
    @FunctionalInterface
    public interface Counter<K> {
        Map<K, Long> count(Instant after, Optional<Instant> upTo);
    }

    private final Duration settled;
    private final Clock clock;
    private final Counter<K> counter;
    /** The rows whose time lies up to {@link #settledUpTo}, counted once. */
    private final Map<K, Long> counted = new LinkedHashMap<>();
    private Instant settledUpTo = Instant.EPOCH;

    public SettledCounts(Duration settled, Clock clock, Counter<K> counter) {
        this.settled = settled;
        this.clock = clock;
        this.counter = counter;
    }

    /** Every row's count by key: the settled ones as counted before (with any newly settled slice), the others counted now. */
    public synchronized Map<K, Long> read() {
        Instant horizon = clock.instant().minus(settled);
        if (horizon.isAfter(settledUpTo)) {
            counter.count(settledUpTo, Optional.of(horizon)).forEach((key, count) -> counted.merge(key, count, Long::sum));
            settledUpTo = horizon;
        }
        Map<K, Long> all = new LinkedHashMap<>(counted);
        counter.count(settledUpTo, Optional.empty()).forEach((key, count) -> all.merge(key, count, Long::sum));
        return all;
    }
}
