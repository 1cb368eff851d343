package org.approvalchain.engine.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.approvalchain.engine.support.WhatAKillLeaves;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store written before anything leaves the engine, on a database that writes its commits in
 * the background ({@link WhatAKillLeaves}): a store that H2 began without waiting for it (its
 * background writer does, and a transaction past H2's unsaved-memory limit) is written by H2's own
 * threads, and what it holds is in the file only once they are done, which the write waits for.
 * {@link HeldWrites} catches H2's write of that store before it reaches the file.
 */
class EmbeddedStoreTest {

    @TempDir
    Path dir;

    @Test
    void waitsForAStoreThatH2sOwnThreadsAreStillWriting() throws Exception {
        HeldWrites.register();
        WhatAKillLeaves afterAKill = new WhatAKillLeaves(dir.resolve("engine"));
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(afterAKill.url().replace("jdbc:h2:file:", "jdbc:h2:held:"));
        dataSource.setUser("sa");
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try (Connection open = dataSource.getConnection(); Statement sql = open.createStatement()) {
            sql.execute("CREATE TABLE note (id VARCHAR(64) PRIMARY KEY)");
            EmbeddedStore store = new EmbeddedStore(new WholeCommits(dataSource));
            store.writeWhatItHolds();
            MVStore h2 = EmbeddedH2.fileStore(open).orElseThrow();

            sql.execute("INSERT INTO note VALUES ('seen')");
            HeldWrites.hold();
            try {
                h2.tryCommit(); // as H2's background writer stores: handed to H2's threads, not waited for
                assertThat(HeldWrites.awaitWriteHeld(Duration.ofSeconds(10))).as("H2's thread writing the store").isTrue();

                Future<?> written = threads.submit(() -> {
                    store.writeWhatItHolds();
                    return null;
                });
                Thread.sleep(300);
                assertThat(written).as("waits for the store under way").isNotDone();
                assertThat(afterAKill.count("SELECT COUNT(*) FROM note WHERE id = ?", "seen"))
                        .as("not in the file while it waits").isZero();

                HeldWrites.release();
                written.get(10, TimeUnit.SECONDS);
            } finally {
                HeldWrites.release(); // before the database closes, which waits for H2's threads
            }
            assertThat(afterAKill.count("SELECT COUNT(*) FROM note WHERE id = ?", "seen"))
                    .as("in the file once the write has returned").isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }
}
