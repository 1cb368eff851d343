package org.approvalchain.engine.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A JVM that writes an embedded H2 database as the engine's threads write Camunda's tables, until it
 * is killed ({@link KilledWhileWritingIT}): {@value #WRITERS} threads, each a case after another
 * (a job inserted, acquired, locked and deleted per step; variables inserted, updated and deleted;
 * history only inserted), every table with secondary indexes, and the engine's compaction every
 * second. It prints {@value #WRITING} once its threads have begun; a statement that fails is
 * printed as a line beginning {@code FAILED}, and that thread goes on with its next case.
 * <p>
 * Arguments: the database's path (without {@code .mv.db}) and the settings of its URL.
 */
public final class ConcurrentWriters {

    static final String WRITING = "WRITING";
    static final String FAILED = "FAILED ";
    private static final int WRITERS = 8;
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
    };

    private ConcurrentWriters() {
    }

    public static void main(String[] args) throws SQLException, InterruptedException {
        String url = "jdbc:h2:file:" + args[0] + ";" + args[1];
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            for (String ddl : SCHEMA) {
                s.execute(ddl);
            }
        }
        for (int i = 0; i < WRITERS; i++) {
            new Thread(() -> writeCases(url)).start();
        }
        System.out.println(WRITING);
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            while (true) {
                Thread.sleep(1000);
                H2Compaction.compact(c, FILL_RATE);
            }
        }
    }

    private static void writeCases(String url) {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false);
            while (true) {
                try {
                    writeCase(c);
                } catch (SQLException e) {
                    System.out.println(FAILED + e.getMessage());
                    c.rollback();
                }
            }
        } catch (SQLException e) {
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
