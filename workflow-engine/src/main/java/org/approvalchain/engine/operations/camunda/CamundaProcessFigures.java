package org.approvalchain.engine.operations.camunda;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.approvalchain.engine.operations.ProcessFigures;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The figures read from Camunda's own tables, one grouped query each (its query API counts one
 * filter at a time). A task is overdue when its due date has passed or the time limit on its step
 * (the timer boundary event on the task's execution) is due and has not fired yet.
 */
@Component
class CamundaProcessFigures implements ProcessFigures {

    private final JdbcTemplate jdbc;
    private final ProcessEngineConfigurationImpl engine;

    CamundaProcessFigures(JdbcTemplate jdbc, ProcessEngineConfigurationImpl engine) {
        this.jdbc = jdbc;
        this.engine = engine;
    }

    @Override
    public List<Cases> cases() {
        return jdbc.query("SELECT PROC_DEF_KEY_, STATE_, END_ACT_ID_, COUNT(*) FROM ACT_HI_PROCINST "
                        + "GROUP BY PROC_DEF_KEY_, STATE_, END_ACT_ID_",
                (rs, n) -> new Cases(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
    }

    @Override
    public List<OpenTasks> openTasks() {
        Timestamp now = Timestamp.from(Instant.now());
        return jdbc.query("SELECT d.KEY_, l.GROUP_ID_, COUNT(*), SUM(CASE WHEN t.DUE_DATE_ < ? OR EXISTS (SELECT 1 FROM "
                        + "ACT_RU_JOB j WHERE j.EXECUTION_ID_ = t.EXECUTION_ID_ AND j.TYPE_ = 'timer' AND j.DUEDATE_ < ?) "
                        + "THEN 1 ELSE 0 END) FROM ACT_RU_TASK t JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_ "
                        + "LEFT JOIN ACT_RU_IDENTITYLINK l ON l.TASK_ID_ = t.ID_ AND l.TYPE_ = 'candidate' "
                        + "AND l.GROUP_ID_ IS NOT NULL GROUP BY d.KEY_, l.GROUP_ID_",
                (rs, n) -> new OpenTasks(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)), now, now);
    }

    @Override
    public List<Incidents> incidents() {
        return jdbc.query("SELECT d.KEY_, i.INCIDENT_TYPE_, COUNT(*) FROM ACT_RU_INCIDENT i "
                        + "LEFT JOIN ACT_RE_PROCDEF d ON d.ID_ = i.PROC_DEF_ID_ GROUP BY d.KEY_, i.INCIDENT_TYPE_",
                (rs, n) -> new Incidents(rs.getString(1), rs.getString(2), rs.getLong(3)));
    }

    @Override
    public Optional<TaskCreated> taskCreated(String taskId) {
        return jdbc.query("SELECT PROC_DEF_KEY_, TASK_DEF_KEY_, START_TIME_ FROM ACT_HI_TASKINST WHERE ID_ = ?",
                (rs, n) -> new TaskCreated(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()), taskId)
                .stream().findFirst();
    }

    /** What the engine reported to the database (every node's) plus what this node counted since its last report. */
    @Override
    public long jobExecutorCount(String event) {
        Meter unreported = engine.getMetricsRegistry().getDbMeterByName(event);
        long reported = engine.getManagementService().createMetricsQuery().name(event).sum();
        return reported + (unreported == null ? 0 : unreported.get());
    }
}
