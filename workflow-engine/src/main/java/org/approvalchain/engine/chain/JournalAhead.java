package org.approvalchain.engine.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.approvalchain.engine.database.EmbeddedStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Journal entries of chain writes sent before the embedded database's file has them, a line each
 * in files of their own beside it ({@code <database>.journal-ahead.<n>}). The chain writer appends
 * an entry here, instead of asking for a store of the whole database, before a later write of a
 * case leaves (the case's first write asks for the store, so that the case itself is in the file
 * before the chain has anything of it); a {@code kill -9} that takes back the entry's commit
 * leaves its line, and at start-up {@link #leftByTheLastRun()} gives the chain writer what to put
 * back. A line is written, not synced, as H2 writes its file: both survive the process, not the
 * machine. A file is deleted once a store that began after its last line has ended, so the lines
 * kept are those of the last few hundred cases at most. Absent when the database is no embedded
 * H2 file: PostgreSQL has a commit in its log before it returns.
 */
@Component
class JournalAhead {

    /** A journal entry as {@code ac_chain_write} holds it before its receipt is noted. */
    record Entry(String key, String contract, String txHash, String signedTx, long blockLimit, long createdAtMillis) {
    }

    private static final Logger log = LoggerFactory.getLogger(JournalAhead.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A file is given up for the next one once it holds this much (each line is about 1–2 KB). */
    private static final long FILE_BYTES = 4 << 20;

    private final EmbeddedStore store;
    private final long fileBytes;
    /** The files' common name, {@code <database>.journal-ahead.}; null when absent. */
    private final Path prefix;
    /** The files a run before this one left, oldest first. */
    private final List<Path> left;
    /** Guarded by this. */
    private FileChannel file;
    private Path path;
    private long number;

    @Autowired
    JournalAhead(EmbeddedStore store) {
        this(store, FILE_BYTES);
    }

    JournalAhead(EmbeddedStore store, long fileBytes) {
        this.store = store;
        this.fileBytes = fileBytes;
        this.prefix = store.file().map(f -> f.resolveSibling(f.getFileName() + ".journal-ahead.")).orElse(null);
        this.left = prefix == null ? List.of() : files();
        this.number = left.isEmpty() ? 0 : number(left.get(left.size() - 1));
    }

    /** Whether entries are kept here: the database is an embedded H2 file. */
    boolean present() {
        return prefix != null;
    }

    /** Appends {@code entry}; it is in the file (the operating system's) when this returns. */
    void append(Entry entry) {
        byte[] line = line(entry);
        Path full;
        synchronized (this) {
            try {
                if (file == null) {
                    number++;
                    path = Path.of(prefix + Long.toString(number));
                    file = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                }
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    file.write(buffer);
                }
                if (file.position() < fileBytes) {
                    return;
                }
                file.close();
                full = path;
                file = null;
            } catch (IOException e) {
                throw new UncheckedIOException("LEDGER-306 the journal entry of " + entry.key()
                        + " could not be written ahead of the database to " + path, e);
            }
        }
        // the lines of the full file committed before they were written: a store from now on has them
        store.writeBefore("the journal entries ahead of it in " + full + " are let go");
        delete(full);
    }

    /** The entries the run before this one left, in the order they were written (a torn last line left out). */
    List<Entry> leftByTheLastRun() {
        List<Entry> entries = new ArrayList<>();
        for (Path f : left) {
            try (Stream<String> lines = Files.lines(f, StandardCharsets.UTF_8)) {
                for (String line : (Iterable<String>) lines::iterator) {
                    try {
                        entries.add(JSON.readValue(line, Entry.class));
                    } catch (JsonProcessingException torn) {
                        // the run was killed while writing it: its transaction was not sent
                        log.warn("LEDGER-307 a journal entry ahead of the database in {} is incomplete and left out", f);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("LEDGER-306 could not read the journal entries ahead of the database in " + f, e);
            }
        }
        return entries;
    }

    /** Lets go of the files the run before left, once what was put back from them is in the database's file. */
    void letGoOfTheLastRun() {
        if (left.isEmpty()) {
            return;
        }
        store.writeBefore("the journal entries ahead of it that the last run left are let go");
        left.forEach(JournalAhead::delete);
        left.clear();
    }

    private static byte[] line(Entry entry) {
        try {
            return (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Path> files() {
        Pattern name = Pattern.compile(Pattern.quote(prefix.getFileName().toString()) + "(\\d+)");
        try (Stream<Path> siblings = Files.list(prefix.getParent())) {
            return new ArrayList<>(siblings.filter(p -> name.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(this::number)).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("LEDGER-306 could not list the journal entries ahead of the database in "
                    + prefix.getParent(), e);
        }
    }

    /** The number a file of {@link #files()} ends in. */
    private long number(Path file) {
        return Long.parseLong(file.getFileName().toString().substring(prefix.getFileName().toString().length()));
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("LEDGER-306 could not delete " + file, e);
        }
    }
}
