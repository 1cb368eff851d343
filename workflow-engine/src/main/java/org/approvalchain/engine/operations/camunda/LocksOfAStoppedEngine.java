package org.approvalchain.engine.operations.camunda;

import org.approvalchain.engine.database.EmbeddedStore;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Releases, as the engine starts on its embedded H2 file, the jobs a killed engine had locked, so
 * that they run as soon as the job executor starts instead of after their lock expires ({@code
 * camunda.bpm.job-execution.lock-time-in-millis}, 25 s). H2 lets one process at a time open the
 * file, so every lock found there belongs to a process that is gone. On PostgreSQL other nodes
 * may hold the locks and run the jobs right now: there a dead node's jobs wait out their lock.
 * Runs once Camunda has its tables and before the job executor starts (the Spring Boot starter
 * starts it when the application has started).
 */
@Component
class LocksOfAStoppedEngine extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(LocksOfAStoppedEngine.class);

    private final EmbeddedStore store;
    private final JdbcTemplate jdbc;

    LocksOfAStoppedEngine(EmbeddedStore store, JdbcTemplate jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        if (!store.present()) {
            return;
        }
        int released = jdbc.update("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = NULL, LOCK_EXP_TIME_ = NULL, REV_ = REV_ + 1 "
                + "WHERE LOCK_OWNER_ IS NOT NULL OR LOCK_EXP_TIME_ IS NOT NULL");
        if (released > 0) {
            log.info("OPS-004 {} jobs locked by an engine that stopped without finishing them are free to run again", released);
        }
    }
}
