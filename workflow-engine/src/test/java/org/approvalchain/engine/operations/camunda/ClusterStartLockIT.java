package org.approvalchain.engine.operations.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.approvalchain.engine.support.PostgresSchema;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.RepeatedTest;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Engine nodes that start at the same instant on one fresh PostgreSQL schema (as an orchestrator
 * starts replicas) migrate our tables one after the other. Flyway alone races to create its history
 * table and fails one of them (with {@code flyway.migrate()} in place of {@code lock.migrate(flyway)}
 * this fails in about half of the repetitions).
 */
class ClusterStartLockIT {

    private static final int NODES = 4;

    @RepeatedTest(5)
    void nodesThatStartTogetherMigrateOneAfterTheOther() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create("start_lock")) {
            CyclicBarrier together = new CyclicBarrier(NODES);
            ExecutorService nodes = Executors.newFixedThreadPool(NODES);
            try {
                List<Future<?>> migrations = new ArrayList<>();
                for (int i = 0; i < NODES; i++) {
                    migrations.add(nodes.submit(() -> {
                        PGSimpleDataSource dataSource = dataSource(schema);
                        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                                .baselineOnMigrate(true).baselineVersion("0").load();
                        ClusterStartLock lock = new ClusterStartLock(dataSource);
                        together.await();
                        lock.migrate(flyway);
                        lock.release();
                        return null;
                    }));
                }
                for (Future<?> migration : migrations) {
                    migration.get();
                }
            } finally {
                nodes.shutdownNow();
            }
            JdbcTemplate db = new JdbcTemplate(dataSource(schema));
            assertThat(db.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE NOT success", Integer.class))
                    .isZero();
            assertThat(db.queryForObject("SELECT count(*) FROM ac_chain_write", Integer.class)).isZero();
        }
    }

    private static PGSimpleDataSource dataSource(PostgresSchema schema) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(schema.jdbcUrl());
        dataSource.setUser(PostgresSchema.user());
        dataSource.setPassword(PostgresSchema.password());
        return dataSource;
    }
}
