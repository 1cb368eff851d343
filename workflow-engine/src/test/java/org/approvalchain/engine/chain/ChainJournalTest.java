package org.approvalchain.engine.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.approvalchain.engine.chain.ChainJournal.Included;
import org.approvalchain.engine.database.MovingClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The journal's counts of included writes, on the tables the migrations create ({@code @JdbcTest},
 * each test rolled back), with a clock the test moves.
 */
@JdbcTest
class ChainJournalTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Autowired
    JdbcTemplate jdbc;

    final MovingClock clock = new MovingClock(NOW);
    ChainJournal journal;
    int writes;

    @BeforeEach
    void journalWithTheTestsClock() {
        journal = new ChainJournal(jdbc, clock);
    }

    @Test
    void countsTheIncludedWritesPerContractAndOutcomeSettledOrRecent() {
        included("CaseLedger", 0, NOW.minus(Duration.ofHours(3)));
        included("CaseLedger", 0, NOW.minus(Duration.ofMinutes(1)));
        included("CaseLedger", 1, NOW.minus(Duration.ofMinutes(30)));
        included("DecisionRegistry", 0, NOW.minusSeconds(5));
        unconfirmed("CaseLedger");

        assertThat(journal.included()).containsExactlyInAnyOrder(new Included("CaseLedger", "succeeded", 2),
                new Included("CaseLedger", "reverted", 1), new Included("DecisionRegistry", "succeeded", 1));
    }

    @Test
    void countsEachWriteOnceAsTimePassesAndItSettles() {
        included("CaseLedger", 0, NOW.minus(Duration.ofHours(1)));
        included("CaseLedger", 0, NOW.minus(Duration.ofMinutes(2)));
        assertThat(journal.included()).containsExactly(new Included("CaseLedger", "succeeded", 2));

        included("CaseLedger", 0, NOW.minusSeconds(1));
        clock.advance(Duration.ofMinutes(15)); // the two recent writes have settled since the last call
        assertThat(journal.included()).containsExactly(new Included("CaseLedger", "succeeded", 3));

        included("CaseLedger", 1, clock.instant());
        clock.advance(ChainJournal.SETTLED.multipliedBy(3));
        assertThat(journal.included()).containsExactlyInAnyOrder(new Included("CaseLedger", "succeeded", 3),
                new Included("CaseLedger", "reverted", 1));
    }

    @Test
    void readsTheSettledWritesOnceNotOnEveryCall() {
        included("CaseLedger", 0, NOW.minus(Duration.ofHours(1)));
        assertThat(journal.included()).containsExactly(new Included("CaseLedger", "succeeded", 1));

        // a row settled already when the journal last counted is not read again (no receipt is
        // noted that long before its transaction commits: ChainJournal.SETTLED)
        included("CaseLedger", 0, NOW.minus(Duration.ofHours(2)));
        assertThat(journal.included()).containsExactly(new Included("CaseLedger", "succeeded", 1));
    }

    @Test
    void findsTheRecentWritesByIndexNotByReadingTheWholeJournal() {
        String plan = jdbc.queryForObject("EXPLAIN SELECT contract_name, COUNT(*) FROM ac_chain_write WHERE completed_at > ? "
                + "GROUP BY contract_name", String.class, Timestamp.from(NOW));

        assertThat(plan).containsIgnoringCase("ac_chain_write_unconfirmed");
    }

    @Test
    void theBacklogIsTheUnconfirmedWritesAndHowLongTheOldestHasWaited() {
        included("CaseLedger", 0, NOW.minusSeconds(30));
        unconfirmed("CaseLedger");
        clock.advance(Duration.ofSeconds(42));

        assertThat(journal.backlog()).isEqualTo(new ChainJournal.Backlog(1, Duration.ofSeconds(42)));
    }

    private void included(String contract, int status, Instant noted) {
        String key = "case-" + ++writes + "/Activity_Check#1/step";
        jdbc.update("INSERT INTO ac_chain_write (write_key, contract_name, tx_hash, signed_tx, block_limit, block_number, "
                        + "status, created_at, completed_at) VALUES (?, ?, ?, 'f8', 100, 7, ?, ?, ?)", key, contract,
                "0x" + Integer.toHexString(writes), status, Timestamp.from(noted.minusSeconds(1)), Timestamp.from(noted));
    }

    private void unconfirmed(String contract) {
        String key = "case-" + ++writes + "/Activity_Check#1/call";
        jdbc.update("INSERT INTO ac_chain_write (write_key, contract_name, tx_hash, signed_tx, block_limit, created_at) "
                + "VALUES (?, ?, ?, 'f8', 100, ?)", key, contract, "0x" + Integer.toHexString(writes), Timestamp.from(clock.instant()));
    }
}
