package org.approvalchain.engine.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database's file with the engine's settings ({@code WRITE_DELAY=0;RETENTION_TIME=0}),
 * after many small commits with keys spread at random as the engine's are: compacted as the engine
 * compacts it, it stays a fraction of the size it grows to without (where H2's own housekeeping
 * never runs); anything but an embedded H2 database is left alone.
 */
class H2CompactionTest {

    private static final int COMMITS = 12_000;
    private static final int COMMITS_BETWEEN_COMPACTIONS = 1_000;
    /** The engine database's (approvalchain.database.compaction-fill-rate). */
    private static final int FILL_RATE = 25;

    @TempDir
    Path dir;

    @Test
    void compactionKeepsTheFileAFractionOfItsSizeWithout() throws SQLException, IOException {
        long without = fileAfterCommits("without", false);
        long with = fileAfterCommits("with", true);
        assertThat(with).as("file with compaction (%d bytes) against without (%d bytes)", with, without)
                .isLessThan(without / 2);
    }

    @Test
    void anInMemoryDatabaseIsNoFileToCompact() throws SQLException {
        try (Connection memory = DriverManager.getConnection("jdbc:h2:mem:compaction-test", "sa", "")) {
            assertThat(H2Compaction.compact(memory, FILL_RATE)).isFalse();
        }
    }

    private long fileAfterCommits(String name, boolean compacted) throws SQLException, IOException {
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(name)
                + ";WRITE_DELAY=0;RETENTION_TIME=0", "sa", "")) {
            try (Statement s = db.createStatement()) {
                s.execute("CREATE TABLE step (id VARCHAR(64) PRIMARY KEY, case_id VARCHAR(64), body VARCHAR(1000))");
                s.execute("CREATE INDEX step_by_case ON step (case_id)");
            }
            int rewrites = 0;
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO step VALUES (?, ?, ?)")) {
                for (int i = 1; i <= COMMITS; i++) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, UUID.randomUUID().toString());
                    insert.setString(3, "x".repeat(300));
                    insert.executeUpdate();
                    if (compacted && i % COMMITS_BETWEEN_COMPACTIONS == 0 && H2Compaction.compact(db, FILL_RATE)) {
                        rewrites++;
                    }
                }
            }
            assertThat(rewrites).as("compactions that rewrote chunks").isEqualTo(compacted ? COMMITS / COMMITS_BETWEEN_COMPACTIONS : 0);
            return Files.size(dir.resolve(name + ".mv.db"));
        }
    }
}
