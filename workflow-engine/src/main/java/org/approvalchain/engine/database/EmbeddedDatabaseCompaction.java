package org.approvalchain.engine.database;

import java.sql.SQLException;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Compacts the engine's database ({@link WholeCommits#compact(int)}) every {@code
 * approvalchain.database.compaction-interval} once its chunks are on average less than {@code
 * approvalchain.database.compaction-fill-rate}% full (25 by default: the file may grow to about four
 * times its live data; at 50 it stayed within twice, and each case cost about 7% more CPU, the
 * pages rewritten to keep it there; docs/performance.md); stops asking once it finds it is no
 * embedded H2 file database.
 */
@Component
class EmbeddedDatabaseCompaction {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseCompaction.class);

    private final DataSource dataSource;
    private final int fillRate;
    private volatile boolean embeddedH2 = true;

    EmbeddedDatabaseCompaction(DataSource dataSource,
                               @Value("${approvalchain.database.compaction-fill-rate:25}") int fillRate) {
        this.dataSource = dataSource;
        this.fillRate = fillRate;
    }

    @Scheduled(initialDelayString = "${approvalchain.database.compaction-interval:PT5S}",
            fixedDelayString = "${approvalchain.database.compaction-interval:PT5S}")
    void compact() {
        if (!embeddedH2) {
            return;
        }
        try {
            embeddedH2 = WholeCommits.of(dataSource).compact(fillRate);
        } catch (SQLException | RuntimeException e) {
            log.warn("OPS-003 compacting the embedded database failed (tried again later): {}", e.getMessage());
        }
    }
}
