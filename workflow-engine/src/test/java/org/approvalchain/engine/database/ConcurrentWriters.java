package org.approvalchain.engine.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;

/**
 * A JVM that writes an embedded H2 database through the engine's {@link WholeCommits} as the
 * engine's threads write Camunda's tables, until it is killed ({@link KilledWhileWritingIT}):
 * {@value #WRITERS} threads, each a case after another (a job inserted, acquired, locked and deleted
 * per step; variables inserted, updated and deleted; history only inserted), and {@value #WRITERS}
 * more that each number their transactions and in each insert rows, update the rows of their last
 * transaction, replace their current rows and record the number ({@link #writeSteps}: after a kill,
 * each transaction is there whole or not at all); every table with secondary indexes, a thread that
 * has the file written every few milliseconds as the engine's answers and chain transactions do
 * ({@link WholeCommits#write}), and the engine's compaction every second ({@link WholeCommits#compact(int)}). It prints {@value #WRITING}
 * once its threads have begun; a statement that fails is printed as a line beginning {@code FAILED},
 * and that thread goes on with its next case or step.
 * <p>
 * Arguments: the database's path (without {@code .mv.db}) and the settings of its URL.
 */
public final class ConcurrentWriters {

    static final String WRITING = "WRITING";
    static final String FAILED = "FAILED ";
    static final int WRITERS = 8;
    /** The engine database's (approvalchain.database.compaction-fill-rate). */
    private static final int FILL_RATE = 25;
    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS job (id VARCHAR(64) PRIMARY KEY, rev INT, lock_owner VARCHAR(255),"
                + " lock_exp TIMESTAMP, duedate TIMESTAMP, proc VARCHAR(64), payload VARCHAR(4000))",
        "CREATE INDEX IF NOT EXISTS job_lock ON job (lock_exp)",
        "CREATE INDEX IF NOT EXISTS job_due ON job (duedate)",
        "CREATE INDEX IF NOT EXISTS job_proc ON job (proc)",
        "CREATE TABLE IF NOT EXISTS variable (id VARCHAR(64) PRIMARY KEY, rev INT, proc VARCHAR(64), name VARCHAR(255),"
                + " payload VARCHAR(4000))",
        "CREATE INDEX IF NOT EXISTS variable_proc ON variable (proc)",
        "CREATE INDEX IF NOT EXISTS variable_name ON variable (name)",
        "CREATE TABLE IF NOT EXISTS history (id VARCHAR(64) PRIMARY KEY, proc VARCHAR(64), name VARCHAR(255),"
                + " created TIMESTAMP, payload VARCHAR(4000))",
        "CREATE INDEX IF NOT EXISTS history_proc ON history (proc)",
        "CREATE INDEX IF NOT EXISTS history_created ON history (created)",
        "CREATE TABLE IF NOT EXISTS progress (writer INT PRIMARY KEY, last INT, payload VARCHAR(4000))",
        "CREATE TABLE IF NOT EXISTS step (writer INT, n INT, i INT, ended INT, payload VARCHAR(4000),"
                + " PRIMARY KEY (writer, n, i))",
        "CREATE INDEX IF NOT EXISTS step_n ON step (n)",
        "CREATE INDEX IF NOT EXISTS step_ended ON step (ended)",
        "CREATE TABLE IF NOT EXISTS state (writer INT, n INT, j INT, payload VARCHAR(4000), PRIMARY KEY (writer, n, j))",
        "CREATE INDEX IF NOT EXISTS state_n ON state (n)",
    };
    /** Rows of {@code step} each numbered transaction inserts, and of {@code state} it replaces. */
    static final int STEPS = 5;
    static final int STATES = 3;

    private ConcurrentWriters() {
    }

    public static void main(String[] args) throws SQLException, InterruptedException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + args[0] + ";" + args[1]);
        h2.setUser("sa");
        WholeCommits database = new WholeCommits(h2);
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            for (String ddl : SCHEMA) {
                s.execute(ddl);
            }
            for (int writer = 0; writer < WRITERS; writer++) {
                s.execute("INSERT INTO progress SELECT " + writer + ", 0, '' WHERE NOT EXISTS"
                        + " (SELECT 1 FROM progress WHERE writer = " + writer + ")");
            }
        }
        for (int i = 0; i < WRITERS; i++) {
            int writer = i;
            new Thread(() -> write(database, ConcurrentWriters::writeCase)).start();
            new Thread(() -> write(database, c -> writeSteps(c, writer))).start();
        }
        MVStore store = EmbeddedH2.fileStore(h2).orElseThrow();
        new Thread(() -> leave(database, store)).start();
        System.out.println(WRITING);
        while (true) {
            Thread.sleep(1000);
            database.compact(FILL_RATE);
        }
    }

    private interface Writes {
        void run(Connection c) throws SQLException;
    }

    private static void write(DataSource database, Writes writes) {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            while (true) {
                try {
                    writes.run(c);
                } catch (SQLException e) {
                    System.out.println(FAILED + e.getMessage());
                    c.rollback();
                }
            }
        } catch (SQLException e) {
            System.out.println(FAILED + e.getMessage());
        }
    }

    /** The file written every 0 to 10 ms, as before an answer or a chain transaction leaves the engine. */
    private static void leave(WholeCommits database, MVStore store) {
        try {
            while (true) {
                Thread.sleep(ThreadLocalRandom.current().nextInt(11));
                database.write(store);
            }
        } catch (SQLException | InterruptedException e) {
            System.out.println(FAILED + e.getMessage());
        }
    }

    private static void writeCase(Connection c) throws SQLException {
        String proc = UUID.randomUUID().toString();
        for (int step = 0; step < 4; step++) {
            String job = UUID.randomUUID().toString();
            update(c, "INSERT INTO job VALUES (?, 1, NULL, NULL, ?, ?, ?)", job, now(0), proc, text(300));
            if (step == 0) {
                for (int v = 0; v < 8; v++) {
                    update(c, "INSERT INTO variable VALUES (?, 1, ?, ?, ?)", UUID.randomUUID().toString(), proc, "v" + v,
                            text(100 + ThreadLocalRandom.current().nextInt(400)));
                }
            }
            for (int h = 0; h < 3; h++) {
                update(c, "INSERT INTO history VALUES (?, ?, ?, ?, ?)", UUID.randomUUID().toString(), proc, "h" + h, now(0),
                        text(200));
            }
            c.commit();
            try (PreparedStatement acquire = c.prepareStatement("SELECT id, payload FROM job"
                    + " WHERE (lock_exp IS NULL OR lock_exp < ?) AND duedate < ? ORDER BY duedate LIMIT 3")) {
                acquire.setTimestamp(1, now(0));
                acquire.setTimestamp(2, now(1000));
                try (ResultSet rs = acquire.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(2);
                    }
                }
            }
            c.commit();
            update(c, "UPDATE job SET lock_owner = ?, lock_exp = ?, rev = rev + 1 WHERE id = ?",
                    Thread.currentThread().getName(), now(300_000), job);
            c.commit();
            update(c, "UPDATE variable SET payload = ?, rev = rev + 1 WHERE proc = ? AND name = ?", text(300), proc, "v" + step);
            update(c, "DELETE FROM job WHERE id = ?", job);
            c.commit();
        }
        update(c, "DELETE FROM variable WHERE proc = ?", proc);
        c.commit();
    }

    /** The writer's numbered transactions, from the one after the last it finds, for ever. */
    private static void writeSteps(Connection c, int writer) throws SQLException {
        int n;
        try (PreparedStatement last = c.prepareStatement("SELECT last FROM progress WHERE writer = ?")) {
            last.setInt(1, writer);
            try (ResultSet rs = last.executeQuery()) {
                rs.next();
                n = rs.getInt(1);
            }
        }
        c.commit();
        while (true) {
            n++;
            for (int i = 0; i < STEPS; i++) {
                update(c, "INSERT INTO step VALUES (?, ?, ?, NULL, ?)", writer, n, i, text(200));
            }
            update(c, "UPDATE step SET ended = ? WHERE writer = ? AND n = ?", n, writer, n - 1);
            update(c, "DELETE FROM state WHERE writer = ?", writer);
            for (int j = 0; j < STATES; j++) {
                update(c, "INSERT INTO state VALUES (?, ?, ?, ?)", writer, n, j, text(200));
            }
            update(c, "UPDATE progress SET last = ?, payload = ? WHERE writer = ?", n, text(100), writer);
            c.commit();
        }
    }

    private static void update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static Timestamp now(long plusMillis) {
        return new Timestamp(System.currentTimeMillis() + plusMillis);
    }

    private static String text(int length) {
        StringBuilder text = new StringBuilder(length);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
