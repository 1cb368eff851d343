package org.approvalchain.engine.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.approvalchain.engine.identity.UserDirectory;
import org.approvalchain.engine.proxy.AgentAuthority;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
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
    private final CaseReads reads;

    CaseAccess(HistoryService history, DeployedDefinitions definitions, UserDirectory users, AgentAuthority agents,
               CaseReads reads) {
        this.history = history;
        this.reads = reads;
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
        HistoricProcessInstance instance = reads.instance(caseId);
        requireReadable(instance, processVariables(instance.getId(), Cases.INITIATOR, Cases.PROXY_AGENT), List.of(), userId);
        return instance;
    }

    /**
     * Requires that {@code userId} may read the case of {@code instance}, given what its reader has
     * loaded already: its process-level variables (at least {@link Cases#INITIATOR} and
     * {@link Cases#PROXY_AGENT}) and its open tasks (or none, for the history of its tasks to decide).
     *
     * @throws CaseException FORBIDDEN for a user it does not involve
     */
    void requireReadable(HistoricProcessInstance instance, Map<String, Object> processVariables, List<LinkedTask> openTasks,
                         String userId) {
        if (!mayRead(instance, processVariables, openTasks, userId)
                && !actsAsAgent(instance, principalActedFor(processVariables, userId), userId, "read the case")) {
            throw new CaseException(CaseException.Kind.FORBIDDEN, "user " + userId + " is not involved in case "
                    + instance.getBusinessKey() + ": only its applicant, the officers of its process, legal reviewers "
                    + "and administrators may read it");
        }
    }

    /**
     * The rules of {@link #readableAmong} for one case, the cheap answers first: its applicant, then
     * the user's groups, then the case's open tasks; the history of its tasks only when none of them
     * decides. A user an open task names is named in that history too, so the order changes no answer.
     */
    private boolean mayRead(HistoricProcessInstance instance, Map<String, Object> processVariables, List<LinkedTask> openTasks,
                            String userId) {
        if (userId.equals(processVariables.get(Cases.INITIATOR))) {
            return true;
        }
        List<String> groups = users.groupsOf(userId);
        return overseer(groups) || supervises(instance.getProcessDefinitionId(), groups)
                || openTasks.stream().anyMatch(task -> task.names(userId, groups)) || handles(instance, userId, groups);
    }

    /**
     * Those of the cases (process instances) that {@code userId} may read, in their order; with a
     * fixed number of queries however many cases there are (their initiators, their tasks the user
     * or one of the user's groups was linked to, their agents); and the cases the user acts in as the
     * agent of their applicant while the chain authorises it.
     */
    List<HistoricProcessInstance> readableAmong(List<HistoricProcessInstance> instances, String userId) {
        List<HistoricProcessInstance> readable = readableAmong(instances, userId, users.groupsOf(userId));
        Map<String, Object> agentOf = variables(Cases.PROXY_AGENT, instances.stream()
                .filter(instance -> !readable.contains(instance)).map(HistoricProcessInstance::getId).toArray(String[]::new));
        return instances.stream().filter(instance -> readable.contains(instance)
                || userId.equals(agentOf.get(instance.getId())) && principalActedFor(instance, userId)
                        .filter(principal -> agents.holds(userId, principal, instance.getProcessDefinitionKey())).isPresent())
                .toList();
    }

    /** The applicant for whom {@code userId} acts in the case as their agent; empty when the user is not its agent. */
    Optional<String> principalActedFor(HistoricProcessInstance instance, String userId) {
        return principalActedFor(processVariables(instance.getId(), Cases.PROXY_AGENT, Cases.INITIATOR), userId);
    }

    private static Optional<String> principalActedFor(Map<String, Object> processVariables, String userId) {
        return userId.equals(processVariables.get(Cases.PROXY_AGENT))
                ? Optional.ofNullable(processVariables.get(Cases.INITIATOR)).map(Object::toString) : Optional.empty();
    }

    /**
     * Whether the user acts in the case as the agent of its applicant {@code principal} and the chain
     * authorises {@code action} now; the action is then recorded on chain.
     *
     * @throws org.approvalchain.engine.proxy.ProxyException with the chain's reason when the user is its agent but not authorised now
     */
    private boolean actsAsAgent(HistoricProcessInstance instance, Optional<String> principal, String userId, String action) {
        principal.ifPresent(p -> agents.act(userId, p, instance.getProcessDefinitionKey(), action, instance.getBusinessKey()));
        return principal.isPresent();
    }

    private List<HistoricProcessInstance> readableAmong(List<HistoricProcessInstance> instances, String userId,
                                                        List<String> groups) {
        if (overseer(groups)) {
            return instances;
        }
        List<HistoricProcessInstance> others = instances.stream()
                .filter(instance -> !supervises(instance.getProcessDefinitionId(), groups)).toList();
        Set<String> readable = handledAmong(others, userId, groups);
        String[] otherIds = others.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
        variables(Cases.INITIATOR, otherIds).forEach((instanceId, initiator) -> {
            if (userId.equals(initiator)) {
                readable.add(instanceId);
            }
        });
        return instances.stream().filter(instance -> supervises(instance.getProcessDefinitionId(), groups)
                || readable.contains(instance.getId())).toList();
    }

    /**
     * The case's process instance, when {@code userId} is in a group that its process names as its
     * supervisors (or an administrator).
     *
     * @throws CaseException NOT_FOUND for an unknown case, FORBIDDEN for anyone else
     */
    HistoricProcessInstance supervised(String caseId, String userId, String action) {
        HistoricProcessInstance instance = reads.instance(caseId);
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
        HistoricProcessInstance instance = reads.instance(caseId);
        Map<String, Object> variables = processVariables(instance.getId(), Cases.INITIATOR, Cases.PROXY_AGENT);
        if (!userId.equals(variables.get(Cases.INITIATOR)) && !handles(instance, userId, users.groupsOf(userId))
                && !actsAsAgent(instance, principalActedFor(variables, userId), userId, "read the personal data")) {
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
        HistoricProcessInstance instance = reads.instance(caseId);
        Map<String, Object> variables = processVariables(instance.getId(), Cases.INITIATOR, Cases.PROXY_AGENT);
        if (!userId.equals(variables.get(Cases.INITIATOR)) && !users.isAdmin(userId)
                && !actsAsAgent(instance, principalActedFor(variables, userId), userId, action)) {
            throw new CaseException(CaseException.Kind.FORBIDDEN, "only the applicant who started case " + caseId
                    + " (their authorised agent, or an administrator) may " + action + "; user " + userId + " did not start it");
        }
        return instance;
    }

    private boolean handles(HistoricProcessInstance instance, String userId, List<String> groups) {
        return !handledAmong(List.of(instance), userId, groups).isEmpty();
    }

    /**
     * The ids of the cases that the user handles: those whose process gives one of the user's groups
     * tasks, and those with a task, past or present, that the user was assigned or linked to (a
     * candidate), or one of the user's groups; one query for the user and one per group.
     */
    private Set<String> handledAmong(List<HistoricProcessInstance> instances, String userId, List<String> groups) {
        Set<String> handled = new HashSet<>();
        List<String> others = new ArrayList<>();
        for (HistoricProcessInstance instance : instances) {
            if (groups.stream().anyMatch(definitions.officeGroups(instance.getProcessDefinitionId())::contains)) {
                handled.add(instance.getId());
            } else if (instance.getBusinessKey() != null) {
                others.add(instance.getBusinessKey());
            }
        }
        if (others.isEmpty()) {
            return handled;
        }
        String[] caseIds = others.toArray(String[]::new);
        Stream.concat(Stream.of(tasks().taskAssignee(userId), tasks().taskInvolvedUser(userId)),
                        groups.stream().map(group -> tasks().taskInvolvedGroup(group)))
                .flatMap(query -> query.processInstanceBusinessKeyIn(caseIds).list().stream())
                .forEach(task -> handled.add(task.getProcessInstanceId()));
        return handled;
    }

    private HistoricTaskInstanceQuery tasks() {
        return history.createHistoricTaskInstanceQuery();
    }

    private static boolean overseer(List<String> groups) {
        return groups.contains(UserDirectory.ADMINS) || groups.contains(UserDirectory.LEGAL_REVIEWERS);
    }

    /**
     * The process-level variable {@code name} of each process instance, by its id, in one query: a
     * variable of that name local to some activity does not count.
     */
    private Map<String, Object> variables(String name, String... processInstanceIds) {
        Map<String, Object> values = new HashMap<>();
        if (processInstanceIds.length > 0) {
            history.createHistoricVariableInstanceQuery().processInstanceIdIn(processInstanceIds)
                    .variableName(name).list().stream().filter(CaseVariable::atProcessLevel)
                    .forEach(v -> values.putIfAbsent(v.getProcessInstanceId(), v.getValue()));
        }
        return values;
    }

    /** The process-level variables {@code names} of one process instance, by name, in one query. */
    private Map<String, Object> processVariables(String processInstanceId, String... names) {
        return processLevel(history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableNameIn(names).list().stream().map(CaseVariable::of).toList());
    }

    /** The process-level ones of one process instance's variables, by name; as {@link #variables}. */
    static Map<String, Object> processLevel(List<CaseVariable> variables) {
        Map<String, Object> values = new HashMap<>();
        variables.stream().filter(CaseVariable::processLevel).forEach(v -> values.putIfAbsent(v.name(), v.value()));
        return values;
    }
}
