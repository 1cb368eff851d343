package org.approvalchain.engine.process;

import java.util.List;
import java.util.Set;

import org.approvalchain.engine.identity.UserDirectory;
import org.approvalchain.engine.record.CaseRecord;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Who may see and work a task: its assignee, its candidate users and the members of its candidate
 * groups, as Camunda's own candidate query decides; for a task that is a further level of sign-off
 * (its property {@value DeployedDefinitions#SEPARATE_FROM}), nobody who signed one of the levels it
 * names in the same case (four eyes: each level is decided by another person);
 * and of a committee's round (a multi-instance task), one instance per member ({@link CommitteeRounds}).
 */
@Component
class TaskAccess {

    private final TaskService tasks;
    private final UserDirectory users;
    private final CaseReads reads;
    private final DeployedDefinitions definitions;
    private final CaseRecord record;
    private final CommitteeRounds rounds;

    TaskAccess(TaskService tasks, UserDirectory users, CaseReads reads, DeployedDefinitions definitions,
               CaseRecord record, CommitteeRounds rounds) {
        this.tasks = tasks;
        this.users = users;
        this.reads = reads;
        this.definitions = definitions;
        this.record = record;
        this.rounds = rounds;
    }

    /** The task, if it is open, not suspended and {@code userId} may work it; otherwise 404, 409 or 403. */
    Task workable(String taskId, String userId) {
        LinkedTask linked = reads.linkedTask(taskId)
                .orElseThrow(() -> new CaseException(CaseException.Kind.NOT_FOUND, "TASK-001 no open task " + taskId));
        Task task = linked.task();
        if (!linked.mayWork(userId, users.groupsOf(userId))) {
            throw new CaseException(CaseException.Kind.FORBIDDEN, "TASK-002 user " + userId
                    + " is neither the assignee nor a candidate of task " + taskId);
        }
        if (task.isSuspended()) {
            throw new CaseException(CaseException.Kind.CONFLICT, "TASK-005 task " + taskId + " (" + task.getName()
                    + ") is suspended with its case: it can be worked once an administrator activates the case again");
        }
        requireNotSignedBefore(task, userId);
        rounds.requireOneSeat(task, userId);
        return task;
    }

    private void requireNotSignedBefore(Task task, String userId) {
        Set<String> levels = definitions.separateFrom(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        if (levels.isEmpty()) {
            return;
        }
        String caseId = reads.caseIdOf(task.getProcessInstanceId());
        record.decisions(caseId).stream()
                .filter(d -> userId.equals(d.approverId()) && levels.contains(d.activityId())).findFirst()
                .ifPresent(signed -> {
                    throw new CaseException(CaseException.Kind.FORBIDDEN, "TASK-003 user " + userId + " signed "
                            + signed.activityId() + " of case " + caseId + ": task " + task.getId() + " ("
                            + task.getName() + ") is a further level of sign-off and must be decided by someone else");
                });
    }

    /** The open tasks {@code userId} may work. */
    List<Task> workableBy(String userId) {
        return workableQuery(tasks, userId, users.groupsOf(userId)).orderByTaskCreateTime().asc().list();
    }

    /** The open tasks {@code userId}, a member of {@code groups}, may work, as Camunda's candidate query finds them. */
    static TaskQuery workableQuery(TaskService tasks, String userId, List<String> groups) {
        TaskQuery query = tasks.createTaskQuery().or().taskAssignee(userId).taskCandidateUser(userId);
        return (groups.isEmpty() ? query : query.taskCandidateGroupIn(groups)).endOr();
    }
}
