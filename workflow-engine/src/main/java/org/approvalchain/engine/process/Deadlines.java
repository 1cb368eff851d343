package org.approvalchain.engine.process;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The statutory time limit on a task's step (the timer boundary event the model attaches to it) and
 * when it runs out in the task's case: that timer's due date, which counts working days where the
 * model states the limit in working days (docs/working-days.md).
 */
@Component
class Deadlines {

    private final ManagementService management;
    private final DeployedDefinitions definitions;

    Deadlines(ManagementService management, DeployedDefinitions definitions) {
        this.management = management;
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

    /** The time limit on the task's step, if its step has one. */
    Optional<Deadline> of(Task task) {
        return definitions.timeLimits(task.getProcessDefinitionId(), task.getTaskDefinitionKey()).stream().findFirst()
                .map(limit -> new Deadline(limit.duration(), due(task, limit).orElse(null)));
    }

    private Optional<Instant> due(Task task, DeployedDefinitions.TimeLimit limit) {
        return management.createJobQuery().timers().processInstanceId(task.getProcessInstanceId())
                .activityId(limit.boundaryEventId()).list().stream().map(Job::getDuedate).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).map(Date::toInstant);
    }
}
