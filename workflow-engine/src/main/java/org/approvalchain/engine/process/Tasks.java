package org.approvalchain.engine.process;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The task inbox: the open tasks a user may work, each with its process, who may take it and the
 * statutory time limit on its step (the step's timer boundary event in the model; the deadline is
 * that timer's due date in this case).
 */
@Service
public class Tasks {

    private final TaskAccess access;
    private final RuntimeService runtime;
    private final TaskService taskService;
    private final ManagementService management;
    private final DeployedDefinitions definitions;

    Tasks(TaskAccess access, RuntimeService runtime, TaskService taskService, ManagementService management,
          DeployedDefinitions definitions) {
        this.access = access;
        this.runtime = runtime;
        this.taskService = taskService;
        this.management = management;
        this.definitions = definitions;
    }

    /**
     * An open task as its approver sees it in the inbox.
     *
     * @param timeLimit the step's time limit as the model states it (ISO-8601 duration, e.g. P3D); null when it has none
     * @param deadline when the time limit runs out for this case; null when the step has no time limit
     */
    public record OpenTask(String taskId, String caseId, String activityId, String name, String processDefinitionId,
                           Instant created, String processKey, String processName, int processVersion,
                           List<String> candidateGroups, String timeLimit, Instant deadline) {
    }

    /** The user's open tasks, oldest first; a task completed while the list is read is left out. */
    public List<OpenTask> of(String userId) {
        return access.workableBy(userId).stream().map(this::inboxEntry).flatMap(Optional::stream).toList();
    }

    private Optional<OpenTask> inboxEntry(Task t) {
        Optional<List<String>> groups = Cases.candidateGroups(taskService, t.getId());
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        ProcessDefinition definition = definitions.definition(t.getProcessDefinitionId());
        Optional<DeployedDefinitions.TimeLimit> limit = definitions.timeLimits(t.getProcessDefinitionId(),
                t.getTaskDefinitionKey()).stream().findFirst();
        return Optional.of(new OpenTask(t.getId(), caseId(t), t.getTaskDefinitionKey(), t.getName(),
                t.getProcessDefinitionId(), t.getCreateTime().toInstant(), definition.getKey(), definition.getName(),
                definition.getVersion(), groups.get(), limit.map(DeployedDefinitions.TimeLimit::duration).orElse(null),
                limit.flatMap(l -> deadline(t, l)).orElse(null)));
    }

    private String caseId(Task t) {
        return runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult().getBusinessKey();
    }

    /** The due date of the time limit's timer in the task's case, if it is still pending. */
    private Optional<Instant> deadline(Task t, DeployedDefinitions.TimeLimit limit) {
        return management.createJobQuery().timers().processInstanceId(t.getProcessInstanceId())
                .activityId(limit.boundaryEventId()).list().stream().map(Job::getDuedate).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).map(Date::toInstant);
    }
}
