package org.approvalchain.engine.legal.camunda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

import org.approvalchain.engine.chain.ContractCode;
import org.approvalchain.engine.crypto.CanonicalJson;
import org.approvalchain.engine.crypto.Sm3;
import org.approvalchain.engine.chain.DepartmentProperties;
import org.approvalchain.engine.legal.AnchoredMap;
import org.approvalchain.engine.legal.DepartmentCatalogue;
import org.approvalchain.engine.legal.AutomationMap;
import org.approvalchain.engine.legal.AutomationMaps;
import org.approvalchain.engine.legal.ProcessModel;
import org.approvalchain.engine.legal.internal.DefinitionAnchors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The automation map of each process version deployed in Camunda, and its anchoring: at start-up
 * and then every 30 seconds, every deployed version not yet anchored gets the SM3 hashes of its
 * BPMN and of its map's canonical JSON anchored in {@code DefinitionRegistry}. A periodic check
 * rather than a deployment hook: it also catches deployments made by another node or while the
 * chain was down. A deployed version never changes, so its map and hashes are built once.
 */
@Component
class DeployedAutomationMaps implements AutomationMaps {

    private static final Logger log = LoggerFactory.getLogger(DeployedAutomationMaps.class);

    private final RepositoryService repository;
    private final ContractCode code;
    private final DefinitionAnchors anchors;
    private final DepartmentCatalogue departments;
    private final Map<String, HashedMap> byDefinitionId = new ConcurrentHashMap<>();

    DeployedAutomationMaps(RepositoryService repository, ContractCode code, DefinitionAnchors anchors,
                           DepartmentProperties departments) {
        this.repository = repository;
        this.departments = LegalDepartments.of(departments);
        this.code = code;
        this.anchors = anchors;
    }

    /** A version's map, its steps' process order, the SM3 of its canonical JSON and of the BPMN it was read from. */
    private record HashedMap(AutomationMap map, List<String> order, Map<String, AnchoredMap.Responsible> departments,
                             String mapHash, String bpmnHash) {
    }

    @Override
    public OptionalInt latestVersion(String processKey) {
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
                .singleResult();
        return latest == null ? OptionalInt.empty() : OptionalInt.of(latest.getVersion());
    }

    @Override
    public Optional<AnchoredMap> served(String processKey, int version) {
        if (version < 1) {
            return Optional.empty(); // versions count from 1; Camunda's query refuses any other
        }
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .processDefinitionVersion(version).singleResult();
        if (definition == null) {
            return Optional.empty();
        }
        HashedMap hashed = hashed(definition);
        return Optional.of(AnchoredMap.of(hashed.map(), hashed.order(), hashed.departments(), hashed.mapHash(), hashed.bpmnHash(),
                anchors.anchorOf(processKey, version).orElse(null)));
    }

    /** Anchors every deployed process version that is not anchored yet; a failure waits for the next round. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "PT30S")
    public void anchorDeployed() {
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
            if (anchors.isAnchored(definition.getKey(), definition.getVersion())) {
                continue;
            }
            try {
                HashedMap hashed = hashed(definition);
                anchors.anchor(definition.getKey(), definition.getVersion(), hashed.bpmnHash(), hashed.mapHash());
                log.info("ANCHOR-001 anchored {} v{} (map {})", definition.getKey(), definition.getVersion(), hashed.mapHash());
            } catch (RuntimeException e) {
                log.warn("ANCHOR-002 {} v{} not anchored yet: {}", definition.getKey(), definition.getVersion(), e.getMessage());
            }
        }
    }

    private HashedMap hashed(ProcessDefinition definition) {
        return byDefinitionId.computeIfAbsent(definition.getId(), id -> {
            ProcessModel model = modelOf(definition);
            AutomationMap map = AutomationMap.of(model, definition.getVersion(), code::sm3);
            return new HashedMap(map, model.order(), departments.responsibleFor(model), Sm3.hex(CanonicalJson.of(map)),
                    bpmnHash(definition));
        });
    }

    private ProcessModel modelOf(ProcessDefinition definition) {
        return LegalModels.of(repository.getBpmnModelInstance(definition.getId())).stream()
                .filter(p -> p.id().equals(definition.getKey())).findFirst()
                .orElseThrow(() -> new IllegalStateException("process " + definition.getKey() + " not in its own model"));
    }

    private String bpmnHash(ProcessDefinition definition) {
        try (InputStream bpmn = repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
            return Sm3.hex(bpmn.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
