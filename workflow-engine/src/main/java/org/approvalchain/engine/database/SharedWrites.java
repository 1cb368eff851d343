package org.approvalchain.engine.database;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes of the embedded store that many threads ask for at once, one after the other, where one
 * write serves every thread that asked before it began: under load, commits and answers queue for
 * the store, and each would otherwise write it again once the one before it had. A thread asks after
 * its commit is applied or after its reads, so a write that begins after the asking has that commit
 * or what those reads saw ({@link WholeCommits}).
 */
final class SharedWrites {

    /** A write that has everything the store held when it began in the file when it returns. */
    interface Write {
        void run() throws SQLException;
    }

    private final AtomicLong asked = new AtomicLong();
    /** The last asking that an ended write began after; guarded by this. */
    private long served;

    /** Returns once a write that began after this call has ended: this thread's, or another's. */
    void write(Write write) throws SQLException {
        long mine = asked.incrementAndGet();
        synchronized (this) {
            if (served >= mine) {
                return;
            }
            long through = asked.get();
            write.run();
            served = through;
        }
    }
}
