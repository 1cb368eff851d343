package org.approvalchain.engine.process;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.approvalchain.engine.identity.UserDirectory;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Who may see a case. A case (its view, audit trail and verification) is readable by its applicant
 * (the user who started it); by those it involves: assignees and candidates of its tasks, past and
 * present, and the members of the groups its process gives tasks to (the office that handles it and
 * its supervisors); by the groups the process names as its supervisors (auditors, who read every
 * case of the process but handle none); by legal reviewers and by administrators. A process's
 * automation map is readable by its office, its supervisors, legal reviewers and administrators.
 * Everyone else gets 403. The case's personal data is only for those who handle it: its applicant
 * and its officers.
 */
@Component
public class CaseAccess {

    private final HistoryService history;
    private final DeployedDefinitions definitions;
    private final UserDirectory users;

    CaseAccess(HistoryService history, DeployedDefinitions definitions, UserDirectory users) {
        this.history = history;
        this.definitions = definitions;
        this.users = users;
    }

    /**
     * Requires that {@code userId} may read the case.
     *
     * @throws CaseException NOT_FOUND for an unknown case, FORBIDDEN for a user it does not involve
     */
    public void requireReadable(String caseId, String userId) {
        readable(caseId, userId);
    }

    /** The case's process instance, when {@code userId} may read the case; as {@link #requireReadable}. */
    HistoricProcessInstance readable(String caseId, String userId) {
        HistoricProcessInstance instance = instance(caseId);
        if (!mayRead(instance, userId, users.groupsOf(userId))) {
            throw new CaseException(CaseException.Kind.FORBIDDEN, "user " + userId + " is not involved in case " + caseId
                    + ": only its applicant, the officers of its process, legal reviewers and administrators may read it");
        }
        return instance;
    }

    /** Those of the cases (process instances) that {@code userId} may read, in their order. */
    List<HistoricProcessInstance> readableAmong(List<HistoricProcessInstance> instances, String userId) {
        List<String> groups = users.groupsOf(userId);
        return instances.stream().filter(instance -> mayRead(instance, userId, groups)).toList();
    }

    private boolean mayRead(HistoricProcessInstance instance, String userId, List<String> groups) {
        return overseer(groups) || userId.equals(initiatorOf(instance.getId())) || handles(instance, userId, groups)
                || supervises(instance.getProcessDefinitionId(), groups);
    }

    /**
     * The case's process instance, when {@code userId} is in a group that its process names as its
     * supervisors (or an administrator).
     *
     * @throws CaseException NOT_FOUND for an unknown case, FORBIDDEN for anyone else
     */
    HistoricProcessInstance supervised(String caseId, String userId, String action) {
        HistoricProcessInstance instance = instance(caseId);
        if (!supervises(instance.getProcessDefinitionId(), users.groupsOf(userId)) && !users.isAdmin(userId)) {
            throw new CaseException(CaseException.Kind.FORBIDDEN, "only the supervisors of the process of case " + caseId
                    + " " + definitions.supervisorGroups(instance.getProcessDefinitionId()) + " may " + action
                    + "; user " + userId + " is not one of them");
        }
        return instance;
    }

    private boolean supervises(String processDefinitionId, List<String> groups) {
        return groups.stream().anyMatch(definitions.supervisorGroups(processDefinitionId)::contains);
    }

    /**
     * The case's process instance, when {@code userId} handles the case: its applicant, or an
     * officer of its process or of its tasks. Legal reviewers and administrators oversee cases but
     * do not handle them.
     *
     * @throws CaseException NOT_FOUND for an unknown case, FORBIDDEN for anyone else
     */
    HistoricProcessInstance handled(String caseId, String userId) {
        HistoricProcessInstance instance = instance(caseId);
        if (!userId.equals(initiatorOf(instance.getId())) && !handles(instance, userId, users.groupsOf(userId))) {
            throw new CaseException(CaseException.Kind.FORBIDDEN, "user " + userId + " does not handle case " + caseId
                    + ": its personal data is only for its applicant and the officers who handle it");
        }
        return instance;
    }

    /**
     * Requires that {@code userId} may read what the process is (its automation map).
     *
     * @throws CaseException FORBIDDEN unless the user works on the process, designs processes, reviews or administers
     */
    public void requireProcessReadable(String processKey, String userId) {
        List<String> groups = users.groupsOf(userId);
        if (overseer(groups) || groups.contains(UserDirectory.DESIGNERS)) {
            return;
        }
        Optional<ProcessDefinition> latest = definitions.latest(processKey);
        if (latest.isEmpty() || groups.stream().noneMatch(definitions.officeGroups(latest.get().getId())::contains)
                && !supervises(latest.get().getId(), groups)) {
            throw new CaseException(CaseException.Kind.FORBIDDEN, "user " + userId + " does not work on process '"
                    + processKey + "': its officers, process designers, legal reviewers and administrators may read its automation map");
        }
    }

    /**
     * The case's process instance, when {@code userId} is its applicant (or an administrator).
     *
     * @throws CaseException NOT_FOUND for an unknown case, FORBIDDEN for anyone else
     */
    HistoricProcessInstance asApplicant(String caseId, String userId, String action) {
        HistoricProcessInstance instance = instance(caseId);
        if (!userId.equals(initiatorOf(instance.getId())) && !users.isAdmin(userId)) {
            throw new CaseException(CaseException.Kind.FORBIDDEN, "only the applicant who started case " + caseId
                    + " (or an administrator) may " + action + "; user " + userId + " did not start it");
        }
        return instance;
    }

    private HistoricProcessInstance instance(String caseId) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .singleResult();
        if (instance == null) {
            throw new CaseException(CaseException.Kind.NOT_FOUND, "no case " + caseId);
        }
        return instance;
    }

    private boolean handles(HistoricProcessInstance instance, String userId, List<String> groups) {
        if (groups.stream().anyMatch(definitions.officeGroups(instance.getProcessDefinitionId())::contains)) {
            return true;
        }
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).list()) {
            if (userId.equals(task.getAssignee()) || linked(task.getId(), userId, Set.copyOf(groups))) {
                return true;
            }
        }
        return false;
    }

    private boolean linked(String taskId, String userId, Set<String> groups) {
        for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery().taskId(taskId).list()) {
            if (userId.equals(link.getUserId()) || groups.contains(link.getGroupId())) {
                return true;
            }
        }
        return false;
    }

    private static boolean overseer(List<String> groups) {
        return groups.contains(UserDirectory.ADMINS) || groups.contains(UserDirectory.LEGAL_REVIEWERS);
    }

    /** The process-level {@code initiator}: a variable of that name local to some activity does not count. */
    private Object initiatorOf(String processInstanceId) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(Cases.INITIATOR).list().stream()
                .filter(v -> processInstanceId.equals(v.getActivityInstanceId()))
                .map(HistoricVariableInstance::getValue).findFirst().orElse(null);
    }
}
