package org.approvalchain.engine.process;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What does not change within a deployed process version, looked up once: its version number and
 * each contract step's binding. A deployed version is immutable, so nothing here goes stale.
 */
@Component
class DeployedDefinitions {

    private final RepositoryService repository;
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();
    private final Map<String, StepBinding> bindings = new ConcurrentHashMap<>();

    DeployedDefinitions(RepositoryService repository) {
        this.repository = repository;
    }

    /** The version number of a process definition. */
    int version(String processDefinitionId) {
        return versions.computeIfAbsent(processDefinitionId, id -> repository.getProcessDefinition(id).getVersion());
    }

    /** The contract binding of the step the execution is at. */
    StepBinding binding(DelegateExecution execution) {
        return bindings.computeIfAbsent(execution.getProcessDefinitionId() + "/" + execution.getCurrentActivityId(),
                key -> StepBinding.of(execution));
    }
}
