package org.approvalchain.engine.operations.camunda;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.approvalchain.engine.database.SettledCounts;
import org.approvalchain.engine.operations.ProcessFigures;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The figures read from Camunda's own tables, one grouped query each (its query API counts one
 * filter at a time). A task is overdue when its due date has passed or the time limit on its step
 * (the timer boundary event on the task's execution) is due and has not fired yet.
 */
@Component
class CamundaProcessFigures implements ProcessFigures {

    /**
     * How long after a case ended it counts as settled ({@link SettledCounts}): far longer than the
     * transaction that ends a case (a job's or a request's) stays open.
     */
    static final Duration SETTLED = Duration.ofMinutes(10);

    private final JdbcTemplate jdbc;
    private final ProcessEngineConfigurationImpl engine;
    private final SettledCounts<Kind> cases;

    @Autowired
    CamundaProcessFigures(JdbcTemplate jdbc, ProcessEngineConfigurationImpl engine) {
        this(jdbc, engine, Clock.systemUTC());
    }

    CamundaProcessFigures(JdbcTemplate jdbc, ProcessEngineConfigurationImpl engine, Clock clock) {
        this.jdbc = jdbc;
        this.engine = engine;
        this.cases = new SettledCounts<>(SETTLED, clock, (after, upTo) -> upTo
                .map(until -> count("END_TIME_ > ? AND END_TIME_ <= ?", Timestamp.from(after), Timestamp.from(until)))
                .orElseGet(() -> {
                    Map<Kind, Long> open = count("END_TIME_ IS NULL");
                    count("END_TIME_ > ?", Timestamp.from(after)).forEach((kind, n) -> open.merge(kind, n, Long::sum));
                    return open;
                }));
    }

    /**
     * Cases by process, state and end event. Counting every historic case at each refresh grew with
     * the engine's history (3% of a busy engine's CPU at 53,000 cases, at a refresh every 10 s), so
     * the cases ended {@link #SETTLED} ago are counted once and only the running and recently ended
     * ones at each call, each through Camunda's index on the end time.
     */
    @Override
    public List<Cases> cases() {
        return cases.read().entrySet().stream()
                .map(e -> new Cases(e.getKey().process(), e.getKey().state(), e.getKey().endEvent(), e.getValue())).toList();
    }

    private Map<Kind, Long> count(String range, Object... bounds) {
        Map<Kind, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT PROC_DEF_KEY_, STATE_, END_ACT_ID_, COUNT(*) FROM ACT_HI_PROCINST WHERE " + range
                        + " GROUP BY PROC_DEF_KEY_, STATE_, END_ACT_ID_",
                (ResultSet rs) -> {
                    counts.put(new Kind(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getLong(4));
                }, bounds);
        return counts;
    }

    /** What cases are counted by. */
    private record Kind(String process, String state, String endEvent) {
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
