package org.approvalchain.engine.process;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.task.Task;

/**
 * An open task with those it names as candidates (its identity links), read once ({@link
 * CaseReads#linkedTasks}) for both who may see its case and what the case view shows.
 */
record LinkedTask(Task task, List<String> candidateUsers, List<String> candidateGroups) {

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
