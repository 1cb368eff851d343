package org.approvalchain.engine.process;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The statutory time limit on a task's step (the timer boundary event the model attaches to it) and
 * when it runs out in the task's case: that timer's due date, which counts working days where the
 * model states the limit in working days (docs/working-days.md). The timers of a whole list of tasks
 * are read at once, in one statement ({@link CaseReads#timers}).
 */
@Component
class Deadlines {

    private final CaseReads reads;
    private final DeployedDefinitions definitions;

    Deadlines(CaseReads reads, DeployedDefinitions definitions) {
        this.reads = reads;
        this.definitions = definitions;
    }

    /**
     * A step's time limit in one case.
     *
     * @param timeLimit as the model states it, e.g. {@code 3 working days} or {@code P60D}
     * @param due when it runs out; null when its timer is no longer pending
     */
    record Deadline(String timeLimit, Instant due) {
    }

    /** The time limits on the tasks' steps, by task id; a task whose step has none is not in it. */
    Map<String, Deadline> of(List<Task> tasks) {
        Map<Task, DeployedDefinitions.TimeLimit> limits = new HashMap<>();
        tasks.forEach(task -> definitions.timeLimits(task.getProcessDefinitionId(), task.getTaskDefinitionKey()).stream()
                .findFirst().ifPresent(limit -> limits.put(task, limit)));
        if (limits.isEmpty()) {
            return Map.of();
        }
        Map<String, Instant> due = dueByCaseAndEvent(limits);
        return limits.entrySet().stream().collect(Collectors.toMap(entry -> entry.getKey().getId(), entry -> new Deadline(
                entry.getValue().duration(), due.get(entry.getKey().getProcessInstanceId() + "/" + entry.getValue().boundaryEventId()))));
    }

    /** The earliest pending due date of each timer event in each of the tasks' cases, by "process instance/event". */
    private Map<String, Instant> dueByCaseAndEvent(Map<Task, DeployedDefinitions.TimeLimit> limits) {
        Set<String> cases = limits.keySet().stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Set<String> events = limits.values().stream().map(DeployedDefinitions.TimeLimit::boundaryEventId)
                .collect(Collectors.toSet());
        Map<String, Instant> due = new HashMap<>();
        for (CaseReads.TimerDue timer : reads.timers(cases, events)) {
            due.merge(timer.processInstanceId() + "/" + timer.eventId(), timer.due(), BinaryOperator.minBy(Instant::compareTo));
        }
        return due;
    }
}
