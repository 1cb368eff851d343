package org.approvalchain.engine.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.approvalchain.engine.support.WhatAKillLeaves;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's commits on an embedded H2 file database with the engine's settings: in the file when
 * they return, and while a store is being written ({@link HeldWrites} holds it before it reaches the
 * file) no transaction is applied, so the store cannot hold one in part. Without {@link WholeCommits}
 * H2 applies the second commit at once (the other sessions see it) while the store is written.
 */
class WholeCommitsTest {

    @TempDir
    Path dir;

    JdbcDataSource h2;
    WholeCommits database;
    ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void database() throws SQLException, IOException {
        HeldWrites.register();
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:held:" + dir.resolve("engine") + ";" + EngineUrl.settings());
        h2.setUser("sa");
        database = new WholeCommits(h2);
        try (Connection c = database.getConnection(); Statement sql = c.createStatement()) {
            sql.execute("CREATE TABLE note (id VARCHAR(64) PRIMARY KEY)");
        }
    }

    @AfterEach
    void release() {
        HeldWrites.release();
        threads.shutdownNow();
    }

    @Test
    void aCommitIsInTheFileWhenItReturns() throws Exception {
        try (Connection c = inATransaction("kept")) {
            c.commit();
            assertThat(new WhatAKillLeaves(dir.resolve("engine")).count("SELECT COUNT(*) FROM note WHERE id = ?", "kept"))
                    .as("the row in a copy of the file").isEqualTo(1);
        }
    }

    @Test
    void noTransactionIsAppliedWhileACommitsStoreIsBeingWritten() throws Exception {
        try (Connection first = inATransaction("first"); Connection second = inATransaction("second")) {
            Future<?> firstCommitted = whileHeld(first::commit);
            Future<?> secondCommitted = threads.submit(() -> {
                second.commit();
                return null;
            });
            try {
                Thread.sleep(300);
                assertThat(secondCommitted).as("the second commit, waiting").isNotDone();
                assertThat(seen("first")).as("the first transaction, applied").isTrue();
                assertThat(seen("second")).as("the second transaction, not applied while the store is written").isFalse();
            } finally {
                HeldWrites.release(); // before the connections close, which would wait for the store
            }
            firstCommitted.get(10, TimeUnit.SECONDS);
            secondCommitted.get(10, TimeUnit.SECONDS);
            assertThat(seen("second")).as("the second transaction, once the first commit is written").isTrue();
        }
    }

    @Test
    void aStatementInAutoCommitModeIsCommittedOnlyOnceNoStoreIsBeingWritten() throws Exception {
        try (Connection first = inATransaction("first"); Connection autoCommitting = database.getConnection()) {
            Future<?> firstCommitted = whileHeld(first::commit);
            Future<Integer> inserted = threads.submit(() -> insert(autoCommitting, "auto"));
            try {
                Thread.sleep(300);
                assertThat(inserted).as("the statement, waiting to commit").isNotDone();
                assertThat(seen("auto")).as("the statement's row, not applied while the store is written").isFalse();
            } finally {
                HeldWrites.release();
            }
            firstCommitted.get(10, TimeUnit.SECONDS);
            assertThat(inserted.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(seen("auto")).as("the statement's row, committed").isTrue();
            assertThat(autoCommitting.getAutoCommit()).as("the connection, in auto-commit mode again").isTrue();
        }
    }

    @Test
    void aStatementThatFailsInAutoCommitModeIsRolledBackAndItsErrorPassedOn() throws Exception {
        try (Connection autoCommitting = database.getConnection()) {
            insert(autoCommitting, "twice");
            assertThatThrownBy(() -> insert(autoCommitting, "twice")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("Unique index or primary key violation");
            assertThat(autoCommitting.getAutoCommit()).isTrue();
            assertThat(insert(autoCommitting, "after")).isEqualTo(1);
            assertThat(seen("after")).isTrue();
        }
    }

    @Test
    void noTransactionIsAppliedWhileTheEmbeddedStoreIsBeingWritten() throws Exception {
        EmbeddedStore store = new EmbeddedStore(database);
        try (Connection first = inATransaction("first"); Connection second = inATransaction("second")) {
            // the first's changes, not committed, are the store's to write
            Future<?> written = whileHeld(store::writeWhatItHolds);
            Future<?> secondCommitted = threads.submit(() -> {
                second.commit();
                return null;
            });
            try {
                Thread.sleep(300);
                assertThat(seen("second")).as("the second transaction, not applied while the store is written").isFalse();
            } finally {
                HeldWrites.release();
            }
            written.get(10, TimeUnit.SECONDS);
            secondCommitted.get(10, TimeUnit.SECONDS);
            assertThat(seen("second")).isTrue();
        }
    }

    @Test
    void connectionsToAnyOtherDatabaseAreHandedOutAsTheyAre() throws SQLException {
        JdbcDataSource inMemory = new JdbcDataSource();
        inMemory.setURL("jdbc:h2:mem:whole-commits");
        try (Connection c = new WholeCommits(inMemory).getConnection()) {
            assertThat(Proxy.isProxyClass(c.getClass())).isFalse();
        }
    }

    /** {@code writes}, on a thread of its own, once they are being written and held there. */
    private Future<?> whileHeld(SharedWrites.Write writes) throws InterruptedException {
        HeldWrites.hold();
        Future<?> done = threads.submit(() -> {
            writes.run();
            return null;
        });
        if (!HeldWrites.awaitWriteHeld(Duration.ofSeconds(10))) {
            HeldWrites.release();
            throw new AssertionError("nothing was written within 10 s");
        }
        return done;
    }

    private Connection inATransaction(String id) throws SQLException {
        Connection c = database.getConnection();
        c.setAutoCommit(false);
        insert(c, id);
        return c;
    }

    private static int insert(Connection c, String id) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO note VALUES (?)")) {
            insert.setString(1, id);
            return insert.executeUpdate();
        }
    }

    /** Whether another session, not through {@link WholeCommits}, sees the row. */
    private boolean seen(String id) throws SQLException {
        try (Connection c = h2.getConnection(); PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM note WHERE id = ?")) {
            count.setString(1, id);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }
}
