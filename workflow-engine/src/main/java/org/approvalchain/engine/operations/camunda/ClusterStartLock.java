package org.approvalchain.engine.operations.camunda;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lets engine nodes that start at the same moment on one PostgreSQL schema take turns. What a node
 * creates once at start-up is not guarded against a second node creating it at the same instant:
 * our tables (Flyway races to create its history table on a fresh schema, and one node fails),
 * Camunda's tables, the admin user and the first filter, the demo users and their keys. So each
 * node holds a PostgreSQL advisory lock, named for the schema, from before Flyway migrates or
 * Camunda checks its tables (whichever comes first) until the node is ready; the next node then
 * finds everything in place. Running nodes are never blocked: only starting ones wait for each
 * other.
 */
@Component
@Profile("postgres")
class ClusterStartLock extends AbstractProcessEnginePlugin implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(ClusterStartLock.class);
    private static final String KEY = "hashtext('approvalchain-start:' || current_schema())";

    private final DataSource dataSource;
    private Connection holder;

    ClusterStartLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void migrate(Flyway flyway) {
        take();
        flyway.migrate();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        take();
    }

    private synchronized void take() {
        if (holder != null) {
            return;
        }
        try {
            holder = dataSource.getConnection();
            holder.setAutoCommit(true);
            execute("SELECT pg_advisory_lock(" + KEY + ")");
            log.info("CLUSTER-001 start-up lock taken: other nodes starting on this schema wait until this one is ready");
        } catch (SQLException e) {
            release();
            throw new IllegalStateException("CLUSTER-002 cannot take the start-up lock on the engine database: "
                    + e.getMessage(), e);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    @PreDestroy
    synchronized void release() {
        if (holder == null) {
            return;
        }
        try (Connection connection = holder) {
            execute("SELECT pg_advisory_unlock(" + KEY + ")");
            log.info("CLUSTER-003 start-up lock released");
        } catch (SQLException e) {
            // a broken connection is dropped by the pool, and the lock ends with its session
            log.warn("CLUSTER-004 releasing the start-up lock failed ({}); the closed session releases it", e.getMessage());
        } finally {
            holder = null;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = holder.createStatement()) {
            statement.execute(sql);
        }
    }
}
