package org.approvalchain.engine.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.approvalchain.engine.ledger.ContractCode;
import org.approvalchain.engine.legal.AnchoredMap;
import org.approvalchain.engine.legal.AutomationMap;
import org.approvalchain.engine.signing.CanonicalJson;
import org.approvalchain.engine.legal.ProcessModel;
import org.approvalchain.engine.signing.Sm3;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The automation map of each deployed process version, and its anchoring: at start-up and then
 * every 30 seconds, every deployed version not yet anchored gets the SM3 hashes of its BPMN and of
 * its map's canonical JSON anchored in {@code DefinitionRegistry}. A periodic check rather than a
 * deployment hook: it also catches deployments made by another node or while the chain was down.
 */
@Component
public class AutomationMaps {

    private static final Logger log = LoggerFactory.getLogger(AutomationMaps.class);

    private final RepositoryService repository;
    private final ContractCode code;
    private final DefinitionAnchors anchors;

    AutomationMaps(RepositoryService repository, ContractCode code, DefinitionAnchors anchors) {
        this.repository = repository;
        this.code = code;
        this.anchors = anchors;
    }

    /** The map of a deployed process version as served, with its anchor and whether it matches it. */
    public AnchoredMap served(String processKey, int version) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .processDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw new CaseException(CaseException.Kind.NOT_FOUND, "no process '" + processKey + "' version " + version
                    + " is deployed");
        }
        AutomationMap map = mapOf(definition);
        return AnchoredMap.of(map, Sm3.hex(CanonicalJson.of(map)), bpmnHash(definition),
                anchors.anchorOf(processKey, version).orElse(null));
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
                String mapHash = Sm3.hex(CanonicalJson.of(mapOf(definition)));
                anchors.anchor(definition.getKey(), definition.getVersion(), bpmnHash(definition), mapHash);
                log.info("ANCHOR-001 anchored {} v{} (map {})", definition.getKey(), definition.getVersion(), mapHash);
            } catch (RuntimeException e) {
                log.warn("ANCHOR-002 {} v{} not anchored yet: {}", definition.getKey(), definition.getVersion(), e.getMessage());
            }
        }
    }

    private AutomationMap mapOf(ProcessDefinition definition) {
        ProcessModel model = LegalModels.of(repository.getBpmnModelInstance(definition.getId())).stream()
                .filter(p -> p.id().equals(definition.getKey())).findFirst()
                .orElseThrow(() -> new IllegalStateException("process " + definition.getKey() + " not in its own model"));
        return AutomationMap.of(model, definition.getVersion(), code::sm3);
    }

    private String bpmnHash(ProcessDefinition definition) {
        try (InputStream bpmn = repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
            return Sm3.hex(bpmn.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
