package org.approvalchain.engine.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.approvalchain.contracts.AbiParameter;
import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.contracts.ContractFunction;
import org.approvalchain.engine.chain.Contracts;
import org.junit.jupiter.api.Test;

/**
 * The element templates derived from the contracts' ABIs: one per bindable function (no role
 * function, no engine record contract), each fixing the annotations the gate wants of an automatic
 * step and mapping exactly the function's inputs and outputs; the two decisions fix their mode.
 * Their validity against Camunda's JSON schema is checked by {@code npm test} on the file the build
 * writes (src/main/web/src/modeler/elementTemplates.test.js).
 */
class ElementTemplatesTest {

    private final ContractCatalogue catalogue = new ContractCatalogue(Contracts.interfaces(ChainCrypto.ECDSA));
    private final List<Map<String, Object>> templates = new ElementTemplates(catalogue).all();

    @Test
    void thereIsAContractStepForEveryStateChangingFunctionOfEveryBindableContract() {
        assertThat(templates).extracting(t -> (String) t.get("id")).doesNotHaveDuplicates()
                .contains("org.approvalchain.ContractStep.EligibilityRule.evaluate", "org.approvalchain.ContractStep.LicenseRegistry.issue",
                        "org.approvalchain.ContractStep.DocumentEvidence.check", "org.approvalchain.ManualDecision",
                        "org.approvalchain.AssistedDecision")
                .noneMatch(id -> id.contains("CaseLedger") || id.contains("DecisionRegistry") || id.contains("grantWriter")
                        || id.contains(".verify"));
        int functions = catalogue.bindableFunctions().values().stream().mapToInt(List::size).sum();
        assertThat(templates).hasSize(functions + 2);
    }

    @Test
    void contractStepsAreAutomaticWithoutDiscretionAndMapExactlyTheFunctionsInputsAndOutputs() {
        Map<String, ContractFunction> functions = new HashMap<>();
        catalogue.bindableFunctions().forEach((contract, fs) -> fs.forEach(f -> functions.put(contract + "." + f.name(), f)));
        for (Map<String, Object> template : templates.stream().filter(t -> t.get("id").toString().contains("ContractStep")).toList()) {
            Map<String, String> fixed = fixed(template);
            assertThat(fixed).containsEntry("mode", "automatic").containsEntry("discretion", "false")
                    .containsEntry("camunda:delegateExpression", "${contractStep}");
            ContractFunction function = functions.get(fixed.get("contract") + "." + fixed.get("function"));
            assertThat(bound(template, "input.")).as(template.get("id").toString())
                    .containsExactlyElementsOf(function.inputs().stream().map(AbiParameter::name).map(n -> "input." + n).toList());
            assertThat(bound(template, "output.")).as(template.get("id").toString())
                    .containsExactlyElementsOf(function.outputs().stream().map(AbiParameter::name).map(n -> "output." + n).toList());
            assertThat(bound(template, "legalBasis")).containsExactly("legalBasis", "legalBasisUrl");
        }
    }

    @Test
    void decisionTemplatesAreUserTasksWithTheirModeAndCandidateGroups() {
        for (Map<String, Object> template : templates.stream().filter(t -> t.get("id").toString().endsWith("Decision")).toList()) {
            assertThat(template.get("appliesTo")).isEqualTo(List.of("bpmn:UserTask"));
            assertThat(fixed(template).get("mode")).isIn("manual", "assisted");
            assertThat(bound(template, "camunda:candidateGroups")).hasSize(1);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> properties(Map<String, Object> template) {
        return (List<Map<String, Object>>) template.get("properties");
    }

    @SuppressWarnings("unchecked")
    private static String bindingName(Map<String, Object> property) {
        return ((Map<String, Object>) property.get("binding")).get("name").toString();
    }

    private static Map<String, String> fixed(Map<String, Object> template) {
        Map<String, String> values = new HashMap<>();
        properties(template).stream().filter(p -> "Hidden".equals(p.get("type")))
                .forEach(p -> values.put(bindingName(p), p.get("value").toString()));
        return values;
    }

    private static List<String> bound(Map<String, Object> template, String prefix) {
        return properties(template).stream().map(ElementTemplatesTest::bindingName).filter(n -> n.startsWith(prefix)).toList();
    }
}
