package org.approvalchain.engine.process;

import java.util.List;

import org.approvalchain.engine.identity.UserDirectory;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Who may see and work a task: its assignee, its candidate users and the members of its candidate
 * groups, as Camunda's own candidate query decides; of a committee's round (a multi-instance task),
 * one instance per member (see {@link CommitteeRounds}).
 */
@Component
class TaskAccess {

    private final TaskService tasks;
    private final UserDirectory users;
    private final CommitteeRounds rounds;

    TaskAccess(TaskService tasks, UserDirectory users, CommitteeRounds rounds) {
        this.tasks = tasks;
        this.users = users;
        this.rounds = rounds;
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
        rounds.requireOneSeat(task, userId);
        return task;
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
