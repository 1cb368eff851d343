package org.approvalchain.engine.database.camunda;

import java.util.List;

import org.approvalchain.engine.database.EmbeddedStore;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells the embedded H2 how distinct the values of some of Camunda's columns are, which it cannot
 * find out itself: the engine's URL has it gather no statistics ({@code ANALYZE_AUTO=0}, see {@code
 * application.yml}), so it takes every column for half distinct. Camunda reads an execution's
 * variables ({@code EXECUTION_ID_ = ? AND TASK_ID_ IS NULL}, in every job and every look at a case)
 * and H2 then chose the index on {@code TASK_ID_}, which is null for nearly every variable: each
 * read went through the variables of every open case, so a case cost more the more cases were
 * open (docs/performance.md, "Variables read through the wrong index"). Set once Camunda has its
 * tables, as H2's own statistics would have them (a selectivity is the percentage of distinct
 * values); PostgreSQL keeps statistics itself.
 */
@Component
class ColumnSelectivity extends AbstractProcessEnginePlugin {

    /** A task's variable names repeat in every case, few tasks have variables of their own. */
    private static final List<String> FEW_DISTINCT = List.of(
            "ALTER TABLE ACT_RU_VARIABLE ALTER COLUMN TASK_ID_ SELECTIVITY 2",
            "ALTER TABLE ACT_RU_VARIABLE ALTER COLUMN NAME_ SELECTIVITY 2");

    private final EmbeddedStore store;
    private final JdbcTemplate jdbc;

    ColumnSelectivity(EmbeddedStore store, JdbcTemplate jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        if (!store.present()) {
            return;
        }
        FEW_DISTINCT.forEach(jdbc::execute);
    }
}
