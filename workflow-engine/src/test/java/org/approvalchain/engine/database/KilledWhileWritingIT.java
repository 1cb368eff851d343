package org.approvalchain.engine.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's embedded database, with the settings application.yml gives its URL and its
 * transactions written whole ({@link WholeCommits}), killed with {@code -9} again and again while
 * {@link ConcurrentWriters} write it: after every kill each of the writers' numbered transactions is
 * there whole or not at all, each table and each of its indexes hold the same rows, and no statement
 * of the writers failed. H2 2.4.240 writing its commits in the background ({@code WRITE_DELAY=500})
 * fails this within a few kills: rows a table scan finds that an index lacks, and row counts above
 * what a scan finds; so, more rarely, does H2 writing its stores at {@code WRITE_DELAY=0} (a
 * transaction's rows in part), and {@link WholeCommits} keeping only commits, not statements, apart
 * from its stores (rows of a transaction never committed; docs/performance.md, "H2 killed while
 * writing"). {@code -Dkills=150} kills more often than the {@value #DEFAULT_KILLS} of a build.
 */
class KilledWhileWritingIT {

    private static final int DEFAULT_KILLS = 12;
    private static final int KILLS = Integer.getInteger("kills", DEFAULT_KILLS);
    /** Each of these columns leads one index of {@link ConcurrentWriters}' tables; its lowest value. */
    private static final Map<String, String> LOWEST = Map.of(
            "ID", "''", "PROC", "''", "NAME", "''", "WRITER", "0", "N", "0", "ENDED", "0",
            "LOCK_EXP", "TIMESTAMP '1970-01-01 00:00:00'", "DUEDATE", "TIMESTAMP '1970-01-01 00:00:00'",
            "CREATED", "TIMESTAMP '1970-01-01 00:00:00'");

    @TempDir
    Path dir;

    @Test
    void afterEachKillEveryTransactionIsWholeAndEveryIndexAgreesWithItsTable() throws Exception {
        String settings = EngineUrl.settings();
        Path database = dir.resolve("camunda");
        Path output = dir.resolve("writers.log");
        for (int kill = 1; kill <= KILLS; kill++) {
            Process writers = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                    ConcurrentWriters.class.getName(), database.toString(), settings)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
            awaitWriting(output, kill);
            Thread.sleep(1000 + ThreadLocalRandom.current().nextInt(2500));
            writers.destroyForcibly().waitFor();
            assertThat(disagreements(database, settings)).as("after kill %d of %d (settings %s)", kill, KILLS, settings)
                    .isEmpty();
        }
        assertThat(Files.readAllLines(output, StandardCharsets.ISO_8859_1)).as("the writers' output").noneMatch(line -> line.startsWith(ConcurrentWriters.FAILED));
    }

    /** Until the writers' output says they have begun for the {@code n}th time (a slow machine starts a JVM slowly). */
    private static void awaitWriting(Path output, int n) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        // read as bytes (ISO-8859-1): a line still being written may end inside a character
        while (Files.readAllLines(output, StandardCharsets.ISO_8859_1).stream().filter(ConcurrentWriters.WRITING::equals).count() < n) {
            assertThat(System.nanoTime()).as("the writers begun within a minute").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /**
     * Per writer of numbered transactions, the last it recorded ({@code N}): each transaction up to
     * {@code N} has its {@value ConcurrentWriters#STEPS} steps, each of them but {@code N}'s ended by
     * the next, none after {@code N}; its current rows are {@code N}'s {@value ConcurrentWriters#STATES}.
     * Then per table: its row count against the rows a scan finds, and for each index the rows read through
     * it (every column, so an entry whose row is gone fails) against the rows a scan finds in the same range.
     */
    private static List<String> disagreements(Path database, String settings) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + database + ";" + settings, "sa", "")) {
            for (int writer = 0; writer < ConcurrentWriters.WRITERS; writer++) {
                long n = count(c, "SELECT last FROM progress WHERE writer = " + writer);
                long steps = count(c, "SELECT COUNT(*) FROM step WHERE writer = " + writer);
                long wrongSteps = count(c, "SELECT COUNT(*) FROM step WHERE writer = " + writer + " AND (n > " + n
                        + " OR n = " + n + " AND ended IS NOT NULL OR n < " + n + " AND (ended IS NULL OR ended <> n + 1))");
                long states = count(c, "SELECT COUNT(*) FROM state WHERE writer = " + writer + " AND n = " + n);
                long wrongStates = count(c, "SELECT COUNT(*) FROM state WHERE writer = " + writer + " AND n <> " + n);
                if (steps != ConcurrentWriters.STEPS * n || wrongSteps != 0 || states != (n == 0 ? 0 : ConcurrentWriters.STATES)
                        || wrongStates != 0) {
                    found.add("writer " + writer + " recorded transaction " + n + " last, and has " + steps + " steps ("
                            + wrongSteps + " not as its transactions left them), " + states + " current rows of it and "
                            + wrongStates + " of others");
                }
            }
            for (String table : List.of("JOB", "VARIABLE", "HISTORY", "PROGRESS", "STEP", "STATE")) {
                long counted = count(c, "SELECT COUNT(*) FROM " + table);
                long scanned = count(c, "SELECT COUNT(payload) FROM " + table + " USE INDEX ()");
                if (counted != scanned) {
                    found.add(table + " counts " + counted + " rows, a scan finds " + scanned);
                }
                for (String[] index : leadingColumns(c, table)) {
                    String range = " WHERE " + index[1] + " >= " + LOWEST.get(index[1]);
                    long throughIndex = count(c, "SELECT COUNT(payload) FROM " + table + " USE INDEX (" + index[0] + ")" + range);
                    long inScan = count(c, "SELECT COUNT(payload) FROM " + table + " USE INDEX ()" + range);
                    if (throughIndex != inScan) {
                        found.add(table + "." + index[0] + " finds " + throughIndex + " rows, a scan " + inScan);
                    }
                }
            }
        }
        return found;
    }

    private static List<String[]> leadingColumns(Connection c, String table) throws SQLException {
        List<String[]> indexes = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT index_name, column_name"
                + " FROM information_schema.index_columns WHERE table_name = '" + table + "' AND ordinal_position = 1")) {
            while (rs.next()) {
                indexes.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return indexes;
    }

    private static long count(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
