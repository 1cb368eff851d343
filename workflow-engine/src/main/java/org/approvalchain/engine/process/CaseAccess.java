package org.approvalchain.engine.process;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.approvalchain.engine.identity.UserDirectory;
import org.approvalchain.engine.proxy.AgentAuthority;
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
 * and its officers. An agent who started the case for its applicant (授权代办, {@link AgentAuthority})
 * reads and acts on it as the applicant would, only while the chain authorises it at that moment,
 * and every such action is recorded on chain in the applicant's name.
 */
@Component
public class CaseAccess {

    private final HistoryService history;
    private final DeployedDefinitions definitions;
    private final UserDirectory users;
    private final AgentAuthority agents;

    CaseAccess(HistoryService history, DeployedDefinitions definitions, UserDirectory users, AgentAuthority agents) {
        this.history = history;
        this.definitions = definitions;
        this.users = users;
        this.agents = agents;
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
        if (!mayRead(instance, userId, users.groupsOf(userId)) && !actsAsAgent(instance, userId, "read the case")) {
            throw new CaseException(CaseException.Kind.FORBIDDEN, "user " + userId + " is not involved in case " + caseId
                    + ": only its applicant, the officers of its process, legal reviewers and administrators may read it");
        }
        return instance;
    }

    /** Those of the cases (process instances) that {@code userId} may read, in their order. */
    List<HistoricProcessInstance> readableAmong(List<HistoricProcessInstance> instances, String userId) {
        List<String> groups = users.groupsOf(userId);
        return instances.stream().filter(instance -> mayRead(instance, userId, groups) || principalActedFor(instance, userId)
                .filter(principal -> agents.holds(userId, principal, instance.getProcessDefinitionKey())).isPresent()).toList();
    }

    /** The applicant for whom {@code userId} acts in the case as their agent; empty when the user is not its agent. */
    Optional<String> principalActedFor(HistoricProcessInstance instance, String userId) {
        return userId.equals(variable(instance.getId(), Cases.PROXY_AGENT))
                ? Optional.ofNullable(variable(instance.getId(), Cases.INITIATOR)).map(Object::toString) : Optional.empty();
    }

    /**
     * Whether {@code userId} is the agent who acts for the case's applicant and the chain authorises
     * {@code action} now; the action is then recorded on chain.
     *
     * @throws org.approvalchain.engine.proxy.ProxyException with the chain's reason when the user is its agent but not authorised now
     */
    private boolean actsAsAgent(HistoricProcessInstance instance, String userId, String action) {
        Optional<String> principal = principalActedFor(instance, userId);
        principal.ifPresent(p -> agents.act(userId, p, instance.getProcessDefinitionKey(), action, instance.getBusinessKey()));
        return principal.isPresent();
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
        if (!userId.equals(initiatorOf(instance.getId())) && !handles(instance, userId, users.groupsOf(userId))
                && !actsAsAgent(instance, userId, "read the personal data")) {
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
        if (!userId.equals(initiatorOf(instance.getId())) && !users.isAdmin(userId) && !actsAsAgent(instance, userId, action)) {
            throw new CaseException(CaseException.Kind.FORBIDDEN, "only the applicant who started case " + caseId
                    + " (their authorised agent, or an administrator) may " + action + "; user " + userId + " did not start it");
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
        return variable(processInstanceId, Cases.INITIATOR);
    }

    /** A process-level variable of the case; one of that name local to some activity does not count. */
    private Object variable(String processInstanceId, String name) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(name).list().stream()
                .filter(v -> processInstanceId.equals(v.getActivityInstanceId()))
                .map(HistoricVariableInstance::getValue).findFirst().orElse(null);
    }
}
