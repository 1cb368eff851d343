package org.approvalchain.engine.legal.camunda;

import static org.approvalchain.engine.legal.camunda.LegalGateTest.AUTOMATIC;
import static org.approvalchain.engine.legal.camunda.LegalGateTest.MANUAL;
import static org.approvalchain.engine.legal.camunda.LegalGateTest.VALIDATOR;
import static org.approvalchain.engine.legal.camunda.LegalGateTest.process;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.approvalchain.engine.legal.Finding;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** A model carries no code: every place Camunda evaluates an expression, and every element that runs code, is checked. */
class ModelCodeTest {

    private static final String EXEC = "${''.getClass().forName('java.lang.Runtime').getRuntime().exec('touch /tmp/pwned')}";

    @Test
    void refusesCodeInASequenceFlowCondition() {
        List<Finding> findings = VALIDATOR.findings(LegalGateTest.model(process().exclusiveGateway("Gateway_Route")
                .condition("yes", EXEC), AUTOMATIC, MANUAL));
        assertThat(findings).extracting(Finding::rule).containsExactly("LEGAL-009");
        assertThat(findings.get(0).describe()).contains("process 'p'", "text of conditionExpression", "forName");
    }

    @Test
    void refusesCodeInAContractStepInput() {
        assertThat(rules(LegalGateTest.model(process(), LegalGateTest.with(AUTOMATIC, "input.value", EXEC), MANUAL)))
                .containsExactly("LEGAL-009");
    }

    @Test
    void refusesCodeInCandidatesDueDatesAndTimers() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("p").startEvent()
                .userTask("Activity_Review").camundaCandidateGroups(EXEC).camundaDueDate("${x.dueDate}")
                .boundaryEvent("Timer").timerWithDuration("${execution.getProcessEngineServices()}").endEvent()
                .done();
        assertThat(ModelCode.findings(model)).extracting(Finding::rule).containsExactly("LEGAL-009", "LEGAL-009", "LEGAL-009");
    }

    @Test
    void refusesScriptsClassesListenersAndForeignDelegates() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("p").startEvent()
                .scriptTask("Activity_Script").scriptFormat("groovy").scriptText("'id'.execute()")
                .serviceTask("Activity_Class").camundaClass("com.example.Evil")
                .serviceTask("Activity_Delegate").camundaDelegateExpression("${runtimeService}")
                .serviceTask("Activity_Shell").camundaType("shell")
                .userTask("Activity_Listened").camundaTaskListenerExpression("create", "${chain.document('a', b, c)}")
                .endEvent().done();
        List<Finding> findings = ModelCode.findings(model);
        assertThat(findings).extracting(Finding::elementId)
                .contains("Activity_Script", "Activity_Class", "Activity_Delegate", "Activity_Shell", "Activity_Listened");
        assertThat(findings).extracting(Finding::rule).containsOnly("LEGAL-010");
    }

    @Test
    void passesTheGenericContractStepAndDataExpressions() {
        assertThat(ModelCode.findings(LegalGateTest.model(process().exclusiveGateway("Gateway_Route")
                .condition("yes", "${decision == 'APPROVE' && execution.getVariable('x') != null}"), AUTOMATIC, MANUAL)))
                .isEmpty();
    }

    private static List<String> rules(BpmnModelInstance model) {
        return VALIDATOR.findings(model).stream().map(Finding::rule).toList();
    }
}
