package org.approvalchain.engine.database;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

import org.h2.mvstore.MVStore;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * The store under the engine's database when it is an embedded H2 file (the default), for what
 * H2's SQL cannot ask of it: a commit is visible to the other sessions once H2 has applied it, and
 * in the file only once a store has written it after that ({@link WholeCommits}). Under load the
 * commits queue for the store, and a read in the queue's time can see, say, a task that a {@code
 * kill -9} then loses (found by the crash storm at 64 cases in flight, docs/performance.md).
 * {@link #writeWhatItHolds()} closes that window for what has been read or committed so far;
 * whatever leaves the engine (an answer, a chain transaction, an event, a kept decision) asks for
 * it first. Absent on PostgreSQL, which shows a commit only once it is in its log.
 */
@Component
public class EmbeddedStore {

    private final DataSource dataSource;
    private final WholeCommits commits;
    /** Null when the database is no embedded H2 file; never null again once found. */
    private volatile MVStore store;

    public EmbeddedStore(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        this.commits = WholeCommits.of(dataSource);
        this.store = EmbeddedH2.fileStore(dataSource).orElse(null);
    }

    /** Whether the engine's database is an embedded H2 file. */
    public boolean present() {
        return store != null;
    }

    /** The embedded H2 file; empty when the database is none. */
    public Optional<Path> file() {
        MVStore current = store;
        return current == null ? Optional.empty() : Optional.of(Path.of(current.getFileStore().getFileName()));
    }

    /**
     * Writes to the file every change the store holds, so that whatever a read has seen is in the
     * file when this returns, or returns once another thread's write that began after this call has
     * ({@link WholeCommits#write(MVStore)}). Nothing to do when absent.
     * A store H2 has closed (its last connection gone) wrote everything as it closed; the database
     * opened again has a store of its own, which this then finds.
     */
    public void writeWhatItHolds() throws SQLException {
        if (store == null) {
            return;
        }
        MVStore current = store;
        if (current.isClosed()) {
            current = EmbeddedH2.fileStore(dataSource).orElseThrow();
            store = current;
        }
        commits.write(current);
    }

    /**
     * {@link #writeWhatItHolds()} before {@code what} leaves the engine; a failure as Spring's data
     * access exception naming it (a job retries, a request is answered as a database failure).
     */
    public void writeBefore(String what) {
        try {
            writeWhatItHolds();
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("the database's file could not be brought up to date before "
                    + what, e);
        }
    }
}
