package org.approvalchain.engine.process;

import java.util.List;
import java.util.Optional;

import org.approvalchain.engine.identity.UserDirectory;
import org.approvalchain.engine.record.CaseRecord;
import org.approvalchain.engine.record.KeptDecision;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Who may see and work a task: its assignee, its candidate users and the members of its candidate
 * groups, as Camunda's own candidate query decides. An instance of a multi-instance task (a
 * committee whose members each sign their own evaluation) is not workable by someone who signed
 * another instance of the same round: one member, one signed evaluation.
 */
@Component
class TaskAccess {

    private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

    private final TaskService tasks;
    private final UserDirectory users;
    private final HistoryService history;
    private final CaseRecord record;

    TaskAccess(TaskService tasks, UserDirectory users, HistoryService history, CaseRecord record) {
        this.tasks = tasks;
        this.users = users;
        this.history = history;
        this.record = record;
    }

    /** The task, if it is open and {@code userId} may work it; otherwise 404 or 403. */
    Task workable(String taskId, String userId) {
        if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
            throw new CaseException(CaseException.Kind.NOT_FOUND, "TASK-001 no open task " + taskId);
        }
        Task task = workableQuery(userId).taskId(taskId).singleResult();
        if (task == null) {
            throw new CaseException(CaseException.Kind.FORBIDDEN, "TASK-002 user " + userId
                    + " is neither the assignee nor a candidate of task " + taskId);
        }
        signedSibling(task, userId).ifPresent(signed -> {
            throw new CaseException(CaseException.Kind.FORBIDDEN, "TASK-003 user " + userId + " already signed task "
                    + signed + ", another instance of the same step " + task.getTaskDefinitionKey()
                    + ": each member signs one");
        });
        return task;
    }

    /** Another instance of the same multi-instance round whose kept decision {@code userId} signed. */
    private Optional<String> signedSibling(Task task, String userId) {
        String instance = history.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult()
                .getActivityInstanceId();
        HistoricActivityInstance own = history.createHistoricActivityInstanceQuery().activityInstanceId(instance)
                .singleResult();
        HistoricActivityInstance round = history.createHistoricActivityInstanceQuery()
                .activityInstanceId(own.getParentActivityInstanceId()).singleResult();
        if (round == null || !round.getActivityId().endsWith(MULTI_INSTANCE_BODY)) {
            return Optional.empty();
        }
        return history.createHistoricActivityInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .activityId(task.getTaskDefinitionKey()).list().stream()
                .filter(sibling -> round.getId().equals(sibling.getParentActivityInstanceId()))
                .map(HistoricActivityInstance::getTaskId)
                .filter(id -> id != null && !id.equals(task.getId()))
                .filter(id -> record.decision(id).map(KeptDecision::approverId).filter(userId::equals).isPresent())
                .findFirst();
    }

    /** The open tasks {@code userId} may work. */
    List<Task> workableBy(String userId) {
        return workableQuery(userId).orderByTaskCreateTime().asc().list();
    }

    private TaskQuery workableQuery(String userId) {
        List<String> groups = users.groupsOf(userId);
        TaskQuery query = tasks.createTaskQuery().or().taskAssignee(userId).taskCandidateUser(userId);
        return (groups.isEmpty() ? query : query.taskCandidateGroupIn(groups)).endOr();
    }
}
