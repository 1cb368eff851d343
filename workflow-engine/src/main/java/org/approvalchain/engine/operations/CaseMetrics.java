package org.approvalchain.engine.operations;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.springframework.stereotype.Component;

/**
 * Cases, tasks, incidents and the job executor as the process engine's tables count them: cases
 * started and ended (by state and end event) per process, running cases, open and overdue tasks
 * per process and candidate group, open incidents, and Camunda's own job executor counts.
 */
@Component
class CaseMetrics implements FigureReader {

    /** Camunda's job executor metrics ({@code org.camunda.bpm.engine.management.Metrics}), by the names it stores them under. */
    static final List<String> JOB_EXECUTOR_EVENTS = List.of("job-acquisition-attempt", "job-acquired-success",
            "job-acquired-failure", "job-execution-rejected", "job-successful", "job-failed", "job-locked-exclusive");

    /** Camunda's states of a historic process instance that has ended (the others are ACTIVE and SUSPENDED). */
    private static final Set<String> ENDED = Set.of("COMPLETED", "EXTERNALLY_TERMINATED", "INTERNALLY_TERMINATED");

    private final ProcessFigures figures;
    private final Readings started;
    private final Readings ended;
    private final Readings running;
    private final Readings openTasks;
    private final Readings overdueTasks;
    private final Readings incidents;
    private final Readings jobExecutor;

    CaseMetrics(ProcessFigures figures, MeterRegistry registry) {
        this.figures = figures;
        this.started = new Readings(registry, "approvalchain.cases.started", "cases started, per process", Readings.Kind.COUNTER);
        this.ended = new Readings(registry, "approvalchain.cases.ended",
                "cases ended, per process, state (COMPLETED, EXTERNALLY_TERMINATED, ...) and end event", Readings.Kind.COUNTER);
        this.running = new Readings(registry, "approvalchain.cases.active", "cases running now, per process", Readings.Kind.GAUGE);
        this.openTasks = new Readings(registry, "approvalchain.tasks.open", "open tasks, per process and candidate group",
                Readings.Kind.GAUGE);
        this.overdueTasks = new Readings(registry, "approvalchain.tasks.overdue",
                "open tasks past their due date or time limit, per process and candidate group", Readings.Kind.GAUGE);
        this.incidents = new Readings(registry, "approvalchain.incidents.open", "open incidents, per process and type",
                Readings.Kind.GAUGE);
        this.jobExecutor = new Readings(registry, "camunda.job.executor",
                "Camunda's job executor: acquisitions, executions, failures, rejections, per event", Readings.Kind.COUNTER);
    }

    @Override
    public void read() {
        List<ProcessFigures.Cases> cases = figures.cases();
        started.read(sum(cases, c -> Tags.of("process", tag(c.process())), ProcessFigures.Cases::count));
        ended.read(sum(cases.stream().filter(c -> ENDED.contains(c.state())).toList(),
                c -> Tags.of("process", tag(c.process()), "state", tag(c.state()), "end_event", tag(c.endEvent())),
                ProcessFigures.Cases::count));
        running.read(sum(cases.stream().filter(c -> !ENDED.contains(c.state())).toList(),
                c -> Tags.of("process", tag(c.process())), ProcessFigures.Cases::count));
        List<ProcessFigures.OpenTasks> tasks = figures.openTasks();
        Function<ProcessFigures.OpenTasks, Tags> byGroup = t -> Tags.of("process", tag(t.process()), "group", tag(t.group()));
        openTasks.read(sum(tasks, byGroup, ProcessFigures.OpenTasks::open));
        overdueTasks.read(sum(tasks, byGroup, ProcessFigures.OpenTasks::overdue));
        incidents.read(sum(figures.incidents(), i -> Tags.of("process", tag(i.process()), "type", tag(i.type())),
                ProcessFigures.Incidents::count));
        jobExecutor.read(JOB_EXECUTOR_EVENTS.stream().collect(Collectors.toMap(e -> Tags.of("event", e),
                figures::jobExecutorCount)));
    }

    private static <T> Map<Tags, Long> sum(List<T> rows, Function<T, Tags> tags, ToLongFunction<T> count) {
        return rows.stream().collect(Collectors.toMap(tags, count::applyAsLong, Long::sum));
    }

    /** Tag values must not be null: a task without candidate group, a case still running have {@code none}. */
    static String tag(String value) {
        return value == null ? "none" : value;
    }
}
