package org.approvalchain.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.approvalchain.engine.support.SharedEngine;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Models are data in the running engine, whatever reaches it: a model that would run a command is
 * refused at deployment; the engine's own expression manager refuses such an expression even where
 * no gate looked, and it compiles no script and instantiates no class a model names; expressions
 * see the model beans ({@code chain}) but no other Spring bean (such as {@code runtimeService}).
 */
@SharedEngine
class ModelCodeGuardIT {

    private static final Path PWNED = Path.of("target", "model-code-guard-pwned");
    private static final String EXEC = "${''.getClass().forName('java.lang.Runtime').getRuntime().exec('touch "
            + PWNED.toAbsolutePath() + "')}";

    @Autowired
    ProcessEngine engine;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Test
    void refusesToDeployAModelWhoseConditionRunsACommand() {
        assertThatThrownBy(() -> deploy(routing("code-in-condition", EXEC)))
                .hasMessageContaining("LEGAL-009").hasMessageContaining("forName");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("code-in-condition").count()).isZero();
        assertThat(PWNED).doesNotExist();
    }

    @Test
    void theEnginesExpressionManagerRefusesCodeEvenWhereNoGateLooked() {
        var expressions = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getExpressionManager();

        assertThatThrownBy(() -> expressions.createExpression(EXEC))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("EXPRESSION-001");
        assertThat(PWNED).doesNotExist();
    }

    @Test
    void theEngineCompilesNoScriptAndInstantiatesNoClassAModelNames() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThatThrownBy(() -> configuration.getScriptFactory().createScriptFromSource("groovy", "'touch x'.execute()"))
                .hasMessageContaining("CODE-001");
        assertThatThrownBy(() -> configuration.getArtifactFactory().getArtifact(ProcessBuilder.class))
                .hasMessageContaining("CODE-002");
    }

    @Test
    void expressionsSeeTheModelBeansButNoOtherSpringBean() {
        deploy(routing("sees-chain", "${chain != null}"));
        deploy(routing("sees-runtime-service", "${runtimeService != null}"));

        String seen = runtime.startProcessInstanceByKey("sees-chain").getId();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(seen).singleResult().getEndActivityId())
                .isEqualTo("EndEvent_Seen");
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("sees-runtime-service"))
                .hasMessageContaining("runtimeService");
    }

    private void deploy(BpmnModelInstance model) {
        String key = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next().getId();
        repository.createDeployment().name(key).addModelInstance(key + ".bpmn", model).deploy();
    }

    /** Start, a gateway taking {@code condition} to EndEvent_Seen, else EndEvent_Other. */
    private static BpmnModelInstance routing(String key, String condition) {
        BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
                .exclusiveGateway("Gateway_Route").condition("seen", condition).endEvent("EndEvent_Seen")
                .moveToLastGateway().sequenceFlowId("Flow_Other").endEvent("EndEvent_Other").done();
        ExclusiveGateway gateway = model.getModelElementById("Gateway_Route");
        gateway.setDefault(model.getModelElementById("Flow_Other"));
        return model;
    }

    static {
        try {
            Files.deleteIfExists(PWNED);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
