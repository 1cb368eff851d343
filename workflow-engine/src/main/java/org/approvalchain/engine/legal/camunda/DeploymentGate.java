package org.approvalchain.engine.legal.camunda;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.approvalchain.engine.legal.Finding;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.xml.ModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Refuses, at deployment, a BPMN model that breaks a rule of the legal gate, whatever path deploys
 * it: start-up deployment, Camunda's REST API ({@code /engine-rest/deployment/create}) or Java
 * code; and a deployment holding anything but BPMN models (a script, a class, a DMN table, a form):
 * models are data, and the gate reads BPMN only. A pre-deployer checks every new BPMN resource and throws one {@link ParseException} listing
 * all findings, each naming the process, the element and the rule. Resources that are not
 * well-formed are left to Camunda's own parser, which reports them.
 */
@Component
class DeploymentGate extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(DeploymentGate.class);

    private final BpmnModelValidator validator;

    DeploymentGate(BpmnModelValidator validator) {
        this.validator = validator;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        configuration.getCustomPreDeployers().add(this::check);
    }

    private void check(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return;
        }
        List<String> notModels = deployment.getResources().keySet().stream().filter(name -> !isBpmn(name)).sorted().toList();
        if (!notModels.isEmpty()) {
            String message = "LEGAL-GATE deployment '" + deployment.getName() + "' refused: " + notModels
                    + " not BPMN models; a deployment holds process models only (.bpmn), which are data: no scripts, "
                    + "classes, decision tables or forms";
            log.warn(message);
            throw new ParseException(message, String.join(", ", notModels), List.of(), List.of());
        }
        List<Finding> findings = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            if (isBpmn(resource.getName())) {
                List<Finding> found = findingsOf(resource);
                if (!found.isEmpty()) {
                    refused.add(resource.getName());
                    findings.addAll(found);
                }
            }
        }
        if (!findings.isEmpty()) {
            String message = "LEGAL-GATE deployment '" + deployment.getName() + "' refused, " + findings.size()
                    + " finding(s): " + String.join("; ", findings.stream().map(Finding::describe).toList());
            log.warn(message);
            throw new ParseException(message, String.join(", ", refused),
                    findings.stream().map(f -> (Problem) new FindingProblem(f)).toList(), List.of());
        }
    }

    private static boolean isBpmn(String resourceName) {
        return resourceName.endsWith(".bpmn") || resourceName.endsWith(".bpmn20.xml");
    }

    private List<Finding> findingsOf(ResourceEntity resource) {
        try {
            return validator.findings(Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes())));
        } catch (ModelException notWellFormed) {
            return List.of();
        }
    }

    private record FindingProblem(Finding finding) implements Problem {
        @Override
        public String getMessage() {
            return finding.describe();
        }

        @Override
        public int getLine() {
            return 0;
        }

        @Override
        public int getColumn() {
            return 0;
        }

        @Override
        public String getMainElementId() {
            return finding.elementId();
        }

        @Override
        public List<String> getElementIds() {
            return List.of(finding.elementId());
        }
    }
}
