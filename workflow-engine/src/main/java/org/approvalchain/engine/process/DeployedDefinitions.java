package org.approvalchain.engine.process;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.approvalchain.engine.legal.camunda.ExpressionPolicy;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * What does not change within a deployed process version, looked up once: its version number, the
 * groups it gives tasks to, the application it takes and which of its variables are personal data, and each contract step's binding. A deployed version is immutable, so
 * nothing here goes stale.
 */
@Component
class DeployedDefinitions {

    private final RepositoryService repository;
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();
    private final Map<String, StepBinding> bindings = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> offices = new ConcurrentHashMap<>();
    private final Map<String, ApplicationForm> forms = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> personal = new ConcurrentHashMap<>();

    DeployedDefinitions(RepositoryService repository) {
        this.repository = repository;
    }

    /** The latest version of a process, if one is deployed (not cached: a new version may come any time). */
    Optional<ProcessDefinition> latest(String processKey) {
        return Optional.ofNullable(repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult());
    }

    /** The version number of a process definition. */
    int version(String processDefinitionId) {
        return versions.computeIfAbsent(processDefinitionId, id -> repository.getProcessDefinition(id).getVersion());
    }

    /**
     * The groups a process definition gives tasks to (the literal candidate groups of its user
     * tasks): the office that handles its cases and its supervisors.
     */
    Set<String> officeGroups(String processDefinitionId) {
        return offices.computeIfAbsent(processDefinitionId, id -> repository.getBpmnModelInstance(id)
                .getModelElementsByType(UserTask.class).stream()
                .map(UserTask::getCamundaCandidateGroups).filter(Objects::nonNull)
                .flatMap(groups -> Arrays.stream(groups.split(","))).map(String::trim)
                .filter(group -> !group.isEmpty() && !ExpressionPolicy.isExpression(group))
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** The application a process definition takes, as its start event declares it. */
    ApplicationForm form(String processDefinitionId) {
        return forms.computeIfAbsent(processDefinitionId, id -> ApplicationForm.of(repository.getBpmnModelInstance(id),
                repository.getProcessDefinition(id).getKey()));
    }

    /** The personal variables of a process definition's cases: {@code applicant} and the fields it declares personal. */
    Set<String> personalVariables(String processDefinitionId) {
        return personal.computeIfAbsent(processDefinitionId, id -> Stream.concat(Stream.of(Cases.APPLICANT),
                form(id).personalFields().stream()).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /** The contract binding of the step the execution is at. */
    StepBinding binding(DelegateExecution execution) {
        return bindings.computeIfAbsent(execution.getProcessDefinitionId() + "/" + execution.getCurrentActivityId(),
                key -> StepBinding.of(execution));
    }
}
