package org.approvalchain.engine.database.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import org.approvalchain.engine.support.SharedEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded H2 finds an execution's variables through the index on their execution, as Camunda
 * asks for them ({@code VariableInstance.xml}, {@code selectVariablesByExecutionId}), not through
 * the index on their task, which is null for nearly all of them.
 */
@SharedEngine
class ColumnSelectivityIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anExecutionsVariablesAreFoundThroughTheIndexOnTheirExecution() {
        String plan = jdbc.queryForObject("EXPLAIN SELECT RES.* FROM ACT_RU_VARIABLE RES "
                + "LEFT JOIN ACT_RU_EXECUTION EXECUTION ON RES.EXECUTION_ID_ = EXECUTION.ID_ "
                + "LEFT JOIN ACT_RU_EXECUTION PARENT_EXECUTION ON EXECUTION.PARENT_ID_ = PARENT_EXECUTION.ID_ "
                + "WHERE EXECUTION_ID_ = ? AND TASK_ID_ IS NULL AND NAME_ IN (?, ?)", String.class,
                "an-execution", "applicant", "industry");

        assertThat(plan).contains("ACT_FK_VAR_EXE").doesNotContain("ACT_IDX_VARIABLE_TASK");
    }
}
