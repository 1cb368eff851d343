package org.approvalchain.engine.operations;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 database file from growing without end. With {@code WRITE_DELAY=0} (every
 * commit on disk when it returns, which the exactly-once journal relies on) H2 starts no background
 * thread, and so runs none of its housekeeping: a chunk that still holds a few live pages is never
 * rewritten, and its space never reused. The file grew by about 3 MB per business-registration case
 * (32 GB after 10,000 cases; plain Camunda on the same settings 1.1 MB). Every {@code
 * approvalchain.database.compaction-interval} this does what H2's housekeeping would: rewrites the
 * live pages of chunks below {@value #TARGET_FILL_RATE}% full, at most {@value #WRITE_LIMIT} bytes at
 * a time, so that their chunks hold no live data and their space is reused (at once: {@code
 * RETENTION_TIME=0} in the database URL). Nothing to do on PostgreSQL, which vacuums itself.
 */
@Component
class EmbeddedDatabaseCompaction {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseCompaction.class);

    static final int TARGET_FILL_RATE = 50;
    static final int WRITE_LIMIT = 16 * 1024 * 1024;

    private final DataSource dataSource;
    private volatile boolean embeddedH2 = true;

    EmbeddedDatabaseCompaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(initialDelayString = "${approvalchain.database.compaction-interval:PT5S}",
            fixedDelayString = "${approvalchain.database.compaction-interval:PT5S}")
    void compact() {
        if (!embeddedH2) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            embeddedH2 = compact(connection);
        } catch (SQLException | RuntimeException e) {
            log.warn("OPS-003 compacting the embedded database failed (tried again later): {}", e.getMessage());
        }
    }

    /**
     * Compacts the H2 file database behind {@code connection} as H2's housekeeping would; false,
     * doing nothing, when it is no embedded H2 database.
     */
    static boolean compact(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
                || !session.getDatabase().isPersistent()) {
            return false;
        }
        session.getDatabase().getStore().getMvStore().compact(TARGET_FILL_RATE, WRITE_LIMIT);
        return true;
    }
}
