package org.approvalchain.engine.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** Settled rows counted once, the others on every read, over rows held in a list that count how often they are read. */
class SettledCountsTest {

    static final Instant NOW = Instant.parse("2026-12-03T22:00:00Z");
    static final Duration SETTLED = Duration.ofMinutes(10);

    /** A row: its key and its time (null: not set yet, so never settled). */
    record Row(String key, Instant time) {
    }

    final List<Row> rows = new ArrayList<>();
    int rowsRead;
    final MovingClock clock = new MovingClock(NOW);
    final SettledCounts<String> counts = new SettledCounts<>(SETTLED, clock, this::count);

    private Map<String, Long> count(Instant after, Optional<Instant> upTo) {
        Map<String, Long> counted = new TreeMap<>();
        for (Row row : rows) {
            boolean inSlice = row.time() != null && row.time().isAfter(after) && !row.time().isAfter(upTo.orElse(Instant.MAX));
            if (upTo.isPresent() ? inSlice : row.time() == null || row.time().isAfter(after)) {
                rowsRead++;
                counted.merge(row.key(), 1L, Long::sum);
            }
        }
        return counted;
    }

    @Test
    void countsEveryRowSettledOrNot() {
        rows.add(new Row("a", NOW.minus(Duration.ofHours(2))));
        rows.add(new Row("a", NOW.minus(Duration.ofMinutes(1))));
        rows.add(new Row("b", null));

        assertThat(counts.read()).isEqualTo(Map.of("a", 2L, "b", 1L));
    }

    @Test
    void countsEachRowOnceAsTimePassesAndItSettles() {
        rows.add(new Row("a", NOW.minus(Duration.ofMinutes(2))));
        assertThat(counts.read()).isEqualTo(Map.of("a", 1L));

        rows.add(new Row("a", NOW.minusSeconds(1)));
        clock.advance(Duration.ofMinutes(15)); // both have settled since the last read
        assertThat(counts.read()).isEqualTo(Map.of("a", 2L));
        clock.advance(SETTLED.multipliedBy(3));
        assertThat(counts.read()).isEqualTo(Map.of("a", 2L));
    }

    @Test
    void readsTheSettledRowsOnceNotOnEveryRead() {
        for (int i = 0; i < 100; i++) {
            rows.add(new Row("a", NOW.minus(Duration.ofDays(1)).plusSeconds(i)));
        }
        rows.add(new Row("b", NOW.minusSeconds(5)));
        counts.read();
        rowsRead = 0;

        assertThat(counts.read()).isEqualTo(Map.of("a", 100L, "b", 1L));
        assertThat(rowsRead).isEqualTo(1);
    }
}
