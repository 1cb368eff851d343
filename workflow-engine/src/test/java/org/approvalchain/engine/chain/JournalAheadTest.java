package org.approvalchain.engine.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import org.approvalchain.engine.database.EmbeddedStore;
import org.approvalchain.engine.database.WholeCommits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The journal entries written ahead of the embedded database, in files beside it, as the next run finds them. */
class JournalAheadTest {

    @TempDir
    Path dir;

    @Test
    void theNextRunFindsTheEntriesInTheOrderWrittenWithATornLastLineLeftOut() throws Exception {
        JournalAhead ahead = new JournalAhead(store("db"));
        ahead.append(entry("case-1/Activity_A#1/step", "0x01"));
        ahead.append(entry("case-1/Activity_B#1/step", "0x02"));
        ahead.append(entry("case-1/Activity_A#1/step", "0x03"));
        Files.writeString(aheadFiles("db").get(0), "{\"key\":\"case-1/Activity_C#1/st", StandardOpenOption.APPEND);

        assertThat(new JournalAhead(store("db")).leftByTheLastRun()).extracting(JournalAhead.Entry::txHash)
                .containsExactly("0x01", "0x02", "0x03");
    }

    @Test
    void theLastRunsFilesAreLetGoOfAndTheNextEntriesGoToANewOne() throws Exception {
        new JournalAhead(store("db")).append(entry("case-1/Activity_A#1/step", "0x01"));
        JournalAhead next = new JournalAhead(store("db"));
        next.append(entry("case-2/Activity_A#1/step", "0x02"));

        next.letGoOfTheLastRun();

        assertThat(aheadFiles("db")).hasSize(1);
        assertThat(new JournalAhead(store("db")).leftByTheLastRun()).extracting(JournalAhead.Entry::txHash)
                .containsExactly("0x02");
    }

    @Test
    void aFullFileIsLetGoOfOnceTheDatabasesFileHasWhatItsLinesStandFor() throws Exception {
        JournalAhead ahead = new JournalAhead(store("db"), 1);
        ahead.append(entry("case-1/Activity_A#1/step", "0x01"));
        ahead.append(entry("case-1/Activity_B#1/step", "0x02"));

        assertThat(aheadFiles("db")).isEmpty();
    }

    @Test
    void absentWhenTheDatabaseIsNoEmbeddedFile() throws SQLException {
        JournalAhead ahead = new JournalAhead(new EmbeddedStore(new WholeCommits(
                new DriverManagerDataSource("jdbc:h2:mem:journal-ahead;DB_CLOSE_DELAY=-1", "sa", ""))));

        assertThat(ahead.present()).isFalse();
        assertThat(ahead.leftByTheLastRun()).isEmpty();
    }

    private EmbeddedStore store(String name) throws SQLException {
        return new EmbeddedStore(new WholeCommits(new DriverManagerDataSource(
                "jdbc:h2:file:" + dir.resolve(name) + ";WRITE_DELAY=2147483647;DB_CLOSE_DELAY=-1", "sa", "")));
    }

    private List<Path> aheadFiles(String name) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(name + ".mv.db.journal-ahead.")).sorted().toList();
        }
    }

    private static JournalAhead.Entry entry(String key, String txHash) {
        return new JournalAhead.Entry(key, "CaseLedger", txHash, "0xf8" + txHash.substring(2), 42, 1_764_000_000_000L);
    }
}
