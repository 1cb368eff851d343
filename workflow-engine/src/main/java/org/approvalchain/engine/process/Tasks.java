package org.approvalchain.engine.process;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The task inbox: the open tasks a user may work, each with its process, who may take it and the
 * statutory time limit on its step ({@link Deadlines}).
 */
@Service
public class Tasks {

    private final TaskAccess access;
    private final CaseReads reads;
    private final DeployedDefinitions definitions;
    private final Deadlines deadlines;

    Tasks(TaskAccess access, CaseReads reads, DeployedDefinitions definitions, Deadlines deadlines) {
        this.access = access;
        this.reads = reads;
        this.definitions = definitions;
        this.deadlines = deadlines;
    }

    /**
     * An open task as its approver sees it in the inbox.
     *
     * @param timeLimit the step's time limit as the model states it (e.g. {@code 3 working days}, or an ISO-8601
     *                  duration such as P60D); null when it has none
     * @param deadline when the time limit runs out for this case; null when the step has no time limit
     * @param extensionOffered whether one may ask here for an extension of the time limit (docs/working-days.md)
     */
    public record OpenTask(String taskId, String caseId, String activityId, String name, String processDefinitionId,
                           Instant created, String processKey, String processName, int processVersion,
                           List<String> candidateGroups, String timeLimit, Instant deadline, boolean extensionOffered) {
    }

    /**
     * The user's open tasks, oldest first; a task completed while the list is read is left out. The
     * tasks' candidates and case ids are read for all of them at once, not per task.
     */
    public List<OpenTask> of(String userId) {
        List<Task> open = access.workableBy(userId);
        Map<String, List<String>> groups = reads.linkedTasks(open.stream().map(Task::getId).toList()).stream()
                .collect(Collectors.toMap(l -> l.task().getId(), LinkedTask::candidateGroups));
        Map<String, String> caseIds = reads.caseIdsOf(open.stream().map(Task::getProcessInstanceId).distinct().toList());
        Map<String, Deadlines.Deadline> limits = deadlines.of(open);
        return open.stream().filter(t -> groups.containsKey(t.getId()) && caseIds.containsKey(t.getProcessInstanceId()))
                .map(t -> inboxEntry(t, groups.get(t.getId()), caseIds.get(t.getProcessInstanceId()), limits))
                .toList();
    }

    private OpenTask inboxEntry(Task t, List<String> groups, String caseId, Map<String, Deadlines.Deadline> limits) {
        ProcessDefinition definition = definitions.definition(t.getProcessDefinitionId());
        Optional<Deadlines.Deadline> deadline = Optional.ofNullable(limits.get(t.getId()));
        return new OpenTask(t.getId(), caseId, t.getTaskDefinitionKey(), t.getName(), t.getProcessDefinitionId(),
                t.getCreateTime().toInstant(), definition.getKey(), definition.getName(), definition.getVersion(), groups,
                deadline.map(Deadlines.Deadline::timeLimit).orElse(null), deadline.map(Deadlines.Deadline::due).orElse(null),
                definitions.asksForExtension(t.getProcessDefinitionId(), t.getTaskDefinitionKey()));
    }
}
