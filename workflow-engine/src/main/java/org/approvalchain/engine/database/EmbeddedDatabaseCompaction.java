package org.approvalchain.engine.database;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Compacts the engine's database ({@link H2Compaction}) every {@code
 * approvalchain.database.compaction-interval}; stops asking once it finds it is no embedded H2 file
 * database.
 */
@Component
class EmbeddedDatabaseCompaction {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseCompaction.class);

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
            embeddedH2 = H2Compaction.compact(connection);
        } catch (SQLException | RuntimeException e) {
            log.warn("OPS-003 compacting the embedded database failed (tried again later): {}", e.getMessage());
        }
    }
}
