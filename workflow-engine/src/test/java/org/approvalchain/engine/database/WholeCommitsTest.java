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
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.approvalchain.engine.support.WhatAKillLeaves;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's commits on an embedded H2 file database with the engine's settings: in the file once
 * a store after them is written; while a store is being taken ({@link #heldUpByAStore} holds one there) no statement is
 * run and no transaction applied or rolled back, and a store waits for a statement being run, so
 * the store cannot hold a change in part. Without {@link WholeCommits} H2 applies the second commit
 * at once (the other sessions see it), and runs the statement and the rollback, meanwhile.
 */
class WholeCommitsTest {

    @TempDir
    Path dir;

    JdbcDataSource h2;
    WholeCommits database;
    ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void database() throws SQLException, IOException {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("engine") + ";" + EngineUrl.settings());
        h2.setUser("sa");
        database = new WholeCommits(h2);
        try (Connection c = database.getConnection(); Statement sql = c.createStatement()) {
            sql.execute("CREATE TABLE note (id VARCHAR(64) PRIMARY KEY)");
        }
    }

    @AfterEach
    void release() {
        threads.shutdownNow();
    }

    /** What a kill leaves: a commit not yet written is taken back, as if the engine had stopped before it. */
    @Test
    void aCommitIsInTheFileOnceAStoreAfterItIsWritten() throws Exception {
        try (Connection c = inATransaction("kept")) {
            c.commit();
            assertThat(inACopyOfTheFile("kept")).as("the row in a copy of the file, not yet written").isZero();
            database.write(store());
            assertThat(inACopyOfTheFile("kept")).as("the row in a copy of the file, once written").isEqualTo(1);
        }
    }

    @Test
    void noTransactionIsAppliedWhileAStoreIsBeingTaken() throws Exception {
        try (Connection second = inATransaction("second")) {
            heldUpByAStore("the second commit", () -> {
                second.commit();
                return null;
            }, () -> assertThat(seen("second")).as("the second transaction, not applied while the store is taken").isFalse());
            assertThat(seen("second")).as("the second transaction, once the store is taken").isTrue();
        }
    }

    @Test
    void noStatementIsRunWhileAStoreIsBeingTaken() throws Exception {
        try (Connection second = inATransaction("second")) {
            assertThat(heldUpByAStore("the second transaction's statement", () -> insert(second, "second, again"), () -> { }))
                    .isEqualTo(1);
        }
    }

    @Test
    void noTransactionIsRolledBackWhileAStoreIsBeingTaken() throws Exception {
        try (Connection second = inATransaction("second")) {
            heldUpByAStore("the second transaction's rollback", () -> {
                second.rollback();
                return null;
            }, () -> { });
            assertThat(seen("second")).isFalse();
        }
    }

    /**
     * A store waits for a statement that waits for a row another transaction holds; that
     * transaction's next statement and commit go ahead of the store, or the statement would wait
     * until H2's lock timeout and fail.
     */
    @Test
    void aTransactionThatAStatementWaitsForGoesAheadOfTheStoreThatWaitsForTheStatement() throws Exception {
        try (Connection holder = database.getConnection(); Connection waiter = database.getConnection()) {
            try (Statement sql = holder.createStatement()) {
                sql.execute("CREATE TABLE counter (id INT PRIMARY KEY, n INT)");
                sql.execute("INSERT INTO counter VALUES (1, 0)");
            }
            holder.setAutoCommit(false);
            waiter.setAutoCommit(false);
            assertThat(increment(holder)).isEqualTo(1);
            Future<Integer> waited = threads.submit(() -> increment(waiter));
            Thread.sleep(300); // the waiter's statement waits for the holder's row
            MVStore store = store();
            Future<?> written = threads.submit(() -> {
                database.write(store); // waits for the waiter's statement
                return null;
            });
            Thread.sleep(300);
            assertThat(written).as("a write, its store waiting for the waiter's statement").isNotDone();
            long began = System.nanoTime();
            assertThat(insert(holder, "holder's next")).isEqualTo(1);
            holder.commit();
            assertThat(waited.get(10, TimeUnit.SECONDS)).as("the waiter's update, once the holder committed").isEqualTo(1);
            written.get(10, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(2));
            waiter.commit();
            try (Statement sql = holder.createStatement(); ResultSet rs = sql.executeQuery("SELECT n FROM counter")) {
                rs.next();
                assertThat(rs.getInt(1)).as("both increments").isEqualTo(2);
            }
        }
    }

    @Test
    void aStatementInAutoCommitModeIsCommittedOnlyOnceNoStoreIsBeingTaken() throws Exception {
        try (Connection autoCommitting = database.getConnection()) {
            assertThat(heldUpByAStore("the statement", () -> insert(autoCommitting, "auto"),
                    () -> assertThat(seen("auto")).as("the statement's row, not applied while the store is taken").isFalse()))
                    .isEqualTo(1);
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
    void theEmbeddedStoreIsTakenOnlyOnceNoOtherStoreIsBeingTaken() throws Exception {
        EmbeddedStore store = new EmbeddedStore(database);
        try (Connection first = inATransaction("first")) {
            // the first's changes, not committed, are the embedded store's to write
            heldUpByAStore("the embedded store's write", () -> {
                store.writeWhatItHolds();
                return null;
            }, () -> { });
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

    private interface Check {
        void run() throws Exception;
    }

    /**
     * {@code action}'s result, run on a thread of its own while a store of {@link #database} is held
     * as it is being taken: not done 300 ms later ({@code meanwhile} is checked then), done once the
     * store goes on.
     */
    private <T> T heldUpByAStore(String what, Callable<T> action, Check meanwhile) throws Exception {
        MVStore store = store();
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(1);
        Future<?> stored = threads.submit(() -> {
            database.storeWhileNothingChanges(store, () -> {
                taken.countDown();
                try {
                    held.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return null;
        });
        Future<T> done;
        try {
            assertThat(taken.await(10, TimeUnit.SECONDS)).as("a store being taken within 10 s").isTrue();
            done = threads.submit(action);
            Thread.sleep(300);
            assertThat(done).as(what + ", waiting").isNotDone();
            meanwhile.run();
        } finally {
            held.countDown(); // before the connections close, which would wait for the store
        }
        stored.get(10, TimeUnit.SECONDS);
        return done.get(10, TimeUnit.SECONDS);
    }

    private MVStore store() throws SQLException {
        return EmbeddedH2.fileStore(h2).orElseThrow();
    }

    private int inACopyOfTheFile(String id) throws IOException, SQLException {
        return new WhatAKillLeaves(dir.resolve("engine")).count("SELECT COUNT(*) FROM note WHERE id = ?", id);
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

    private static int increment(Connection c) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE counter SET n = n + 1 WHERE id = 1")) {
            return update.executeUpdate();
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
