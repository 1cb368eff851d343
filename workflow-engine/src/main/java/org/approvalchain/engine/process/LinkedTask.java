package org.approvalchain.engine.process;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * An open task with those it names as candidates (its identity links), read once for both who may
 * see its case and what the case view shows.
 */
record LinkedTask(Task task, List<String> candidateUsers, List<String> candidateGroups) {

    /** The task with its candidates; empty when it was completed since it was listed. */
    static Optional<LinkedTask> of(TaskService tasks, Task task) {
        try {
            List<IdentityLink> candidates = tasks.getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).toList();
            return Optional.of(new LinkedTask(task,
                    candidates.stream().map(IdentityLink::getUserId).filter(user -> user != null).toList(),
                    candidates.stream().map(IdentityLink::getGroupId).filter(group -> group != null).toList()));
        } catch (NullValueException completedMeanwhile) {
            return Optional.empty();
        }
    }

    /** Whether the task names the user: as its assignee, as a candidate, or one of the user's groups as a candidate. */
    boolean names(String userId, Collection<String> groups) {
        return userId.equals(task.getAssignee()) || candidate(userId, groups);
    }

    /**
     * Whether the user may work the task: as its assignee, or, while nobody is assigned, as a
     * candidate or a member of a candidate group. Camunda's candidate query (the inbox's, {@code
     * TaskAccess.workableQuery}) decides the same; {@code TaskAccessTest} compares them.
     */
    boolean mayWork(String userId, Collection<String> groups) {
        return task.getAssignee() != null ? task.getAssignee().equals(userId) : candidate(userId, groups);
    }

    private boolean candidate(String userId, Collection<String> groups) {
        return candidateUsers.contains(userId) || candidateGroups.stream().anyMatch(groups::contains);
    }
}
