package org.approvalchain.engine.design.camunda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.approvalchain.engine.design.ModelDeployments;
import org.approvalchain.engine.legal.ModelValidator;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Deploys with Camunda's repository service, as the designer: Camunda's authorizations apply (the
 * group needs Deployment CREATE, which the demo grants {@code process-designers}) and its user
 * operation log names who deployed. The deployment gate and Camunda's parser check the model exactly as
 * they check every other deployment.
 */
@Component
class CamundaModelDeployments implements ModelDeployments {

    /** Camunda's deployment source for deployments from our modeler. */
    static final String SOURCE = "approvalchain-modeler";

    private final RepositoryService repository;
    private final IdentityService identity;
    private final HistoryService history;
    private final ModelValidator validator;

    CamundaModelDeployments(RepositoryService repository, IdentityService identity, HistoryService history,
                            ModelValidator validator) {
        this.validator = validator;
        this.repository = repository;
        this.identity = identity;
        this.history = history;
    }

    @Override
    public List<DeployedVersion> deploy(String userId, String name, byte[] bpmnXml) {
        boolean executable;
        try {
            // the legal gate's findings are the deployment's to refuse, with all of them
            executable = validator.hasExecutableProcess(bpmnXml);
        } catch (IllegalArgumentException e) {
            // bad input, not a model the gate refused: 400, as the live check answers it
            throw new IllegalArgumentException("DEPLOY-003 " + e.getMessage(), e);
        }
        if (!executable) {
            throw new IllegalArgumentException("DEPLOY-003 the model has no executable process (isExecutable=\"true\") to deploy");
        }
        // with their groups: Camunda's authorizations are granted to groups
        identity.setAuthentication(userId, identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
        try {
            DeploymentWithDefinitions deployment = repository.createDeployment().name(name).source(SOURCE)
                    .addInputStream(name + ".bpmn", new ByteArrayInputStream(bpmnXml)).deployWithResult();
            return deployment.getDeployedProcessDefinitions().stream()
                    .map(d -> new DeployedVersion(d.getKey(), d.getVersion(), d.getId(), deployment.getId())).toList();
        } catch (AuthorizationException e) {
            throw new AccessDeniedException("DEPLOY-002 " + e.getMessage(), e);
        } catch (ProcessEngineException e) {
            throw new DeploymentRefused(e.getMessage(), e);
        } finally {
            identity.clearAuthentication();
        }
    }

    @Override
    public List<ProcessVersion> versions() {
        Map<String, Deployment> deployments = new HashMap<>();
        repository.createDeploymentQuery().list().forEach(d -> deployments.put(d.getId(), d));
        Map<String, String> deployers = new HashMap<>();
        history.createUserOperationLogQuery().entityType("Deployment").operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE)
                .list().forEach(e -> deployers.putIfAbsent(e.getDeploymentId(), e.getUserId()));
        return repository.createProcessDefinitionQuery().list().stream()
                .sorted(Comparator.comparing(ProcessDefinition::getKey).thenComparing(ProcessDefinition::getVersion, Comparator.reverseOrder()))
                .map(d -> new ProcessVersion(d.getKey(), d.getName(), d.getVersion(),
                        deployments.get(d.getDeploymentId()).getDeploymentTime().toInstant(), deployers.get(d.getDeploymentId())))
                .toList();
    }

    @Override
    public Optional<byte[]> bpmn(String processKey, int version) {
        if (version < 1) {
            return Optional.empty(); // versions count from 1; Camunda's query refuses any other
        }
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .processDefinitionVersion(version).singleResult();
        if (definition == null) {
            return Optional.empty();
        }
        try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
