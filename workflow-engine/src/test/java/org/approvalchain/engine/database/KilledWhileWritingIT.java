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
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * The engine's embedded database, with the settings application.yml gives its URL, killed with
 * {@code -9} again and again while {@link ConcurrentWriters} write it: after every kill each table
 * and each of its indexes hold the same rows, and no statement of the writers failed. H2 2.4.240
 * writing its commits in the background ({@code WRITE_DELAY=500}) fails this within a few kills:
 * rows a table scan finds that an index lacks, and row counts above what a scan finds
 * (docs/performance.md, "H2 killed while writing").
 */
class KilledWhileWritingIT {

    private static final int KILLS = 12;
    /** Each of these columns leads one index of {@link ConcurrentWriters}' tables; its lowest value. */
    private static final Map<String, String> LOWEST = Map.of(
            "ID", "''", "PROC", "''", "NAME", "''",
            "LOCK_EXP", "TIMESTAMP '1970-01-01 00:00:00'", "DUEDATE", "TIMESTAMP '1970-01-01 00:00:00'",
            "CREATED", "TIMESTAMP '1970-01-01 00:00:00'");

    @TempDir
    Path dir;

    @Test
    void everyIndexAgreesWithItsTableAfterEachKill() throws Exception {
        String settings = engineUrlSettings();
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

    /** What application.yml puts after the database's path in the engine's URL. */
    private static String engineUrlSettings() throws IOException {
        Object url = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .get(0).getProperty("spring.datasource.url");
        String text = String.valueOf(url);
        assertThat(text).startsWith("jdbc:h2:file:");
        return text.substring(text.indexOf(';') + 1);
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /**
     * Per table: its row count against the rows a scan finds, and for each index the rows read through
     * it (every column, so an entry whose row is gone fails) against the rows a scan finds in the same range.
     */
    private static List<String> disagreements(Path database, String settings) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + database + ";" + settings, "sa", "")) {
            for (String table : List.of("JOB", "VARIABLE", "HISTORY")) {
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
