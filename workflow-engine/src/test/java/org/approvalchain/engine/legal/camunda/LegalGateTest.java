package org.approvalchain.engine.legal.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.engine.chain.Contracts;
import org.approvalchain.engine.chain.ShippedDepartments;
import org.approvalchain.engine.legal.ContractCatalogue;
import org.approvalchain.engine.legal.Finding;
import org.approvalchain.engine.legal.LegalGate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.builder.StartEventBuilder;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;

/** Each rule of the legal gate, on a small model built with Camunda's fluent builder. */
class LegalGateTest {

    static final BpmnModelValidator VALIDATOR = new BpmnModelValidator(
            new LegalGate(new ContractCatalogue(Contracts.interfaces(ChainCrypto.ECDSA)),
                    LegalDepartments.of(ShippedDepartments.properties())));

    static final String[] AUTOMATIC = {"mode", "automatic", "legalBasis", "行政许可法 第三十四条", "discretion", "false",
        "contract", "EligibilityRule", "function", "evaluate", "input.caseId", "${caseId}", "input.criterion", "age",
        "input.value", "${age}"};
    static final String[] MANUAL = {"mode", "manual", "legalBasis", "行政许可法 第三十四条第三款", "discretion", "true"};

    @Test
    void passesAnAutomaticStepFollowedByAManualDecision() {
        assertThat(findings(process(), AUTOMATIC, MANUAL)).isEmpty();
    }

    @Test
    void refusesATaskWithoutMode() {
        assertThat(rules(process(), with(AUTOMATIC, "mode", null), MANUAL)).containsExactly("LEGAL-001");
        assertThat(rules(process(), AUTOMATIC, with(MANUAL, "mode", "sometimes"))).containsExactly("LEGAL-001");
    }

    @Test
    void refusesATaskWithoutLegalBasis() {
        assertThat(rules(process(), AUTOMATIC, with(MANUAL, "legalBasis", " "))).containsExactly("LEGAL-002");
    }

    @Test
    void refusesATaskWithoutDiscretionFlag() {
        assertThat(rules(process(), AUTOMATIC, with(MANUAL, "discretion", null))).containsExactly("LEGAL-003");
    }

    @Test
    void refusesAnAutomaticStepWithDiscretion() {
        List<Finding> findings = findings(process(), with(AUTOMATIC, "discretion", "true"), MANUAL);
        assertThat(findings).extracting(Finding::rule).containsExactly("LEGAL-004");
        assertThat(findings.get(0).describe()).contains("process 'p' (Test process)", "element 'Activity_Check' (Check)", "LEGAL-004");
    }

    @Test
    void refusesAnAutomaticStepBoundToNoContract() {
        assertThat(rules(process(), with(AUTOMATIC, "contract", null), MANUAL)).containsExactly("LEGAL-005");
    }

    @Test
    void refusesAnUnknownContractOrFunction() {
        assertThat(findings(process(), with(AUTOMATIC, "contract", "NoSuchContract"), MANUAL))
                .extracting(Finding::message).anyMatch(m -> m.contains("unknown contract 'NoSuchContract'"));
        assertThat(findings(process(), with(AUTOMATIC, "function", "noSuchFunction"), MANUAL))
                .extracting(Finding::message).anyMatch(m -> m.contains("no function 'noSuchFunction'"));
    }

    @Test
    void refusesStepsBoundToTheEnginesOwnRecordsOrToRoleFunctions() {
        assertThat(findings(process(), with(with(AUTOMATIC, "contract", "DecisionRegistry"), "function", "recordDecision"), MANUAL))
                .extracting(Finding::message).anyMatch(m -> m.contains("unknown contract 'DecisionRegistry'"));
        assertThat(findings(process(), with(with(AUTOMATIC, "contract", "ApproverKeyRegistry"), "function", "registerKey"), MANUAL))
                .extracting(Finding::message).anyMatch(m -> m.contains("unknown contract 'ApproverKeyRegistry'"));
        assertThat(findings(process(), with(AUTOMATIC, "function", "grantWriter"), MANUAL))
                .extracting(Finding::message).anyMatch(m -> m.contains("grantWriter administers who may write the contract"));
    }

    @Test
    void refusesUnmappedAndUnknownInputs() {
        assertThat(findings(process(), with(with(AUTOMATIC, "input.value", null), "input.colour", "red"), MANUAL))
                .extracting(Finding::message)
                .anyMatch(m -> m.contains("[value] not mapped")).anyMatch(m -> m.contains("no input(s) [colour]"));
    }

    @Test
    void readsAPropertyWithoutAValueAsMissing() {
        // what a modeler writes for an element template's field left empty
        BpmnModelInstance model = model(process(), AUTOMATIC, MANUAL);
        for (CamundaProperty property : model.getModelElementsByType(CamundaProperty.class)) {
            if (property.getCamundaName().equals("input.value") || property.getCamundaName().equals("legalBasis")) {
                property.setCamundaValue(null);
            }
        }
        assertThat(VALIDATOR.findings(model)).extracting(f -> f.elementId() + " " + f.rule())
                .containsExactlyInAnyOrder("Activity_Check LEGAL-002", "Activity_Check LEGAL-005", "Activity_Review LEGAL-002");
    }

    @Test
    void refusesAManualStepThatIsNotAUserTask() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("p").startEvent().sendTask("Activity_Notify")
                .camundaExpression("${true}").endEvent().done();
        properties(model.getModelElementById("Activity_Notify"), MANUAL);
        assertThat(rules(model)).containsExactly("LEGAL-006");
    }

    @Test
    void refusesAManualStepWithoutCandidates() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("p").startEvent().userTask("Activity_Review").endEvent().done();
        properties(model.getModelElementById("Activity_Review"), MANUAL);
        assertThat(rules(model)).containsExactly("LEGAL-007");
    }

    @Test
    void passesAnAssistedStepAfterAnAutomaticProposalThroughAGateway() {
        assertThat(findings(process().exclusiveGateway("Gateway_Route").condition("yes", "${true}"), AUTOMATIC,
                with(MANUAL, "mode", "assisted"))).isEmpty();
    }

    @Test
    void refusesAnAssistedStepWithoutAnAutomaticProposal() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("p").startEvent().userTask("Activity_Review")
                .camundaCandidateGroups("officers").endEvent().done();
        properties(model.getModelElementById("Activity_Review"), with(MANUAL, "mode", "assisted"));
        assertThat(rules(model)).containsExactly("LEGAL-008");
    }

    @Test
    void passesStepsOfADepartmentThatWritesTheirContractsNamedOnTheProcessOrOnTheStep() {
        BpmnModelInstance onProcess = model(process(), AUTOMATIC, MANUAL);
        properties(onProcess.getModelElementById("p"), new String[] {"department", "market-regulation"});
        assertThat(VALIDATOR.findings(onProcess)).isEmpty();

        assertThat(findings(process(), with(AUTOMATIC, "department", "civil-affairs"), with(MANUAL, "department", "tax")))
                .isEmpty();
    }

    @Test
    void refusesAnUnknownDepartmentAndOneThatMayNotWriteTheStepsContract() {
        assertThat(findings(process(), AUTOMATIC, with(MANUAL, "department", "ministry-of-magic")))
                .singleElement().satisfies(f -> {
                    assertThat(f.rule()).isEqualTo("LEGAL-014");
                    assertThat(f.elementId()).isEqualTo("Activity_Review");
                    assertThat(f.message()).contains("ministry-of-magic", "market-regulation");
                });
        BpmnModelInstance onProcess = model(process(), AUTOMATIC, MANUAL);
        properties(onProcess.getModelElementById("p"), new String[] {"department", "tax"});
        assertThat(VALIDATOR.findings(onProcess)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("LEGAL-015");
            assertThat(f.elementId()).isEqualTo("Activity_Check");
            assertThat(f.message()).contains("'tax' may not write EligibilityRule");
        });
    }

    @Test
    void reportsEveryFindingNotOnlyTheFirst() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("p").startEvent().serviceTask("A").camundaExpression("${1}")
                .userTask("B").endEvent().done();
        assertThat(rules(model)).containsExactlyInAnyOrder("LEGAL-001", "LEGAL-002", "LEGAL-003", "LEGAL-001", "LEGAL-002", "LEGAL-003");
    }

    static AbstractFlowNodeBuilder<?, ?> process() {
        StartEventBuilder start = Bpmn.createExecutableProcess("p").name("Test process").startEvent();
        return start;
    }

    /** The process so far, then an automatic step "Activity_Check" and a user task "Activity_Review" with these properties. */
    static BpmnModelInstance model(AbstractFlowNodeBuilder<?, ?> before, String[] check, String[] review) {
        BpmnModelInstance model = before.serviceTask("Activity_Check").name("Check").camundaDelegateExpression("${contractStep}")
                .userTask("Activity_Review").name("Review").camundaCandidateGroups("officers").endEvent().done();
        properties(model.getModelElementById("Activity_Check"), check);
        properties(model.getModelElementById("Activity_Review"), review);
        return model;
    }

    static List<Finding> findings(AbstractFlowNodeBuilder<?, ?> before, String[] check, String[] review) {
        return VALIDATOR.findings(model(before, check, review));
    }

    static List<String> rules(AbstractFlowNodeBuilder<?, ?> before, String[] check, String[] review) {
        return rules(model(before, check, review));
    }

    static List<String> rules(BpmnModelInstance model) {
        return VALIDATOR.findings(model).stream().map(Finding::rule).toList();
    }

    /** The name/value pairs with one replaced, added, or (value null) removed. */
    static String[] with(String[] pairs, String name, String value) {
        List<String> result = new java.util.ArrayList<>();
        boolean replaced = false;
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equals(name)) {
                replaced = true;
                if (value != null) {
                    result.addAll(List.of(name, value));
                }
            } else {
                result.addAll(List.of(pairs[i], pairs[i + 1]));
            }
        }
        if (!replaced && value != null) {
            result.addAll(List.of(name, value));
        }
        return result.toArray(String[]::new);
    }

    static void properties(BaseElement element, String[] pairs) {
        ExtensionElements extensions = element.getModelInstance().newInstance(ExtensionElements.class);
        element.setExtensionElements(extensions);
        CamundaProperties properties = extensions.addExtensionElement(CamundaProperties.class);
        for (int i = 0; i < pairs.length; i += 2) {
            CamundaProperty property = element.getModelInstance().newInstance(CamundaProperty.class);
            property.setCamundaName(pairs[i]);
            property.setCamundaValue(pairs[i + 1]);
            properties.addChildElement(property);
        }
    }
}
