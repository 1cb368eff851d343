package org.approvalchain.engine.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import org.h2.mvstore.MVStore;

/**
 * Compacts an embedded H2 file database as H2's own housekeeping would, which runs in H2's
 * background writer: absent at {@code WRITE_DELAY=0} (the block store's) and asleep for the engine's
 * database ({@link WholeCommits}), so a chunk that still holds a few live pages is never rewritten
 * and its space never reused. The file grew by about 3 MB per business-registration case
 * (32 GB after 10,000 cases), the block store by every block's chunk. Once the file's chunks are
 * on average less full than a target fill rate, this rewrites the live pages of the least full,
 * oldest chunks, at most {@value #WRITE_LIMIT} bytes at a time, so that those chunks hold no live
 * data and their space is reused (at once with {@code RETENTION_TIME=0} in the database URL, as both
 * of the engine's H2 files have). The rewritten pages are written by the next store, whichever
 * thread makes it: the lower the target, the larger the file may grow (up to about 100 / target
 * times its live data) and the less is rewritten per case. H2 stores while it rewrites once the
 * rewritten pages pass its unsaved-memory limit: a database that other threads change meanwhile
 * is compacted by {@link WholeCommits#compact(int)}, which lets no statement, commit or rollback
 * change it then.
 */
public final class H2Compaction {

    static final int WRITE_LIMIT = 16 * 1024 * 1024;

    private H2Compaction() {
    }

    /**
     * Compacts the H2 file database behind {@code connection} if its chunks are on average less than
     * {@code targetFillRate}% full; false, doing nothing, when it is no embedded H2 file database
     * (PostgreSQL vacuums itself; an in-memory database has no file).
     */
    public static boolean compact(Connection connection, int targetFillRate) throws SQLException {
        Optional<MVStore> store = EmbeddedH2.fileStore(connection);
        store.ifPresent(s -> compact(s, targetFillRate));
        return store.isPresent();
    }

    /** Compacts {@code store} if its chunks are on average less than {@code targetFillRate}% full. */
    static void compact(MVStore store, int targetFillRate) {
        store.compact(targetFillRate, WRITE_LIMIT);
    }
}
