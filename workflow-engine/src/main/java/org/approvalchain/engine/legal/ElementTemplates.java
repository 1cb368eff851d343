package org.approvalchain.engine.legal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.approvalchain.contracts.AbiParameter;
import org.approvalchain.contracts.ContractFunction;

/**
 * Camunda 7 element templates for the steps a model may have, derived from the contracts' ABIs so
 * that they never drift from them: one automatic contract step per bindable function (contract and
 * function fixed, one field per ABI input, one per output for the variable it is stored in), and
 * the manual and assisted decisions. Every template fixes the legal annotations the gate wants of
 * its kind (docs/legal-gate.md) and asks for the legal basis. The web modeler and the Camunda
 * Modeler desktop app load the same list (JSON, schema {@link #SCHEMA}).
 */
public final class ElementTemplates {

    public static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
    private static final String EXAMPLE_BASIS = "《国务院关于在线政务服务的若干规定》(国务院令第716号) 第十条";

    private final ContractCatalogue contracts;

    public ElementTemplates(ContractCatalogue contracts) {
        this.contracts = contracts;
    }

    /** Every template: the contract steps in contract and signature order, then the two decisions. */
    public List<Map<String, Object>> all() {
        List<Map<String, Object>> templates = new ArrayList<>();
        contracts.bindableFunctions().forEach((contract, functions) -> functions.forEach(f ->
                templates.add(contractStep(contract, f, functions.stream().filter(o -> o.name().equals(f.name())).count() > 1))));
        templates.add(decision(Mode.MANUAL, "Manual decision (signed) 人工审核决定",
                "A person decides and signs with their own key; completed only with a signed decision recorded on chain."));
        templates.add(decision(Mode.ASSISTED, "Assisted decision (signed) 辅助决定",
                "A person confirms or overrides what the automatic contract step before it proposed, and signs; it must directly follow that step."));
        return templates;
    }

    private static Map<String, Object> contractStep(String contract, ContractFunction function, boolean overloaded) {
        String bound = overloaded ? function.signature() : function.name();
        List<Map<String, Object>> properties = new ArrayList<>();
        properties.add(hidden("property", "camunda:delegateExpression", "${contractStep}"));
        Map<String, Object> async = field("Asynchronous before (job retries and incidents apply)", "Boolean", "property", "camunda:asyncBefore");
        async.put("value", true);
        async.put("editable", false);
        properties.add(async);
        properties.add(hidden("camunda:property", "mode", Mode.AUTOMATIC.toString()));
        properties.add(hidden("camunda:property", "discretion", "false"));
        properties.addAll(legalBasis());
        properties.add(hidden("camunda:property", "contract", contract));
        properties.add(hidden("camunda:property", "function", bound));
        for (AbiParameter input : function.inputs()) {
            Map<String, Object> field = field("Input " + input.name() + " (" + input.type() + ")", "String", "camunda:property",
                    "input." + input.name());
            field.put("description", "A literal " + input.type() + " or an expression such as ${caseId}");
            field.put("constraints", Map.of("notEmpty", true));
            properties.add(field);
        }
        for (AbiParameter output : function.outputs()) {
            Map<String, Object> field = field("Output " + output.name() + " (" + output.type() + ") → variable", "String",
                    "camunda:property", "output." + output.name());
            field.put("description", "The process variable to store this result in (optional)");
            properties.add(field);
        }
        Map<String, Object> revert = field("BPMN error code on revert (optional)", "String", "camunda:property", "revertErrorCode");
        revert.put("description", "Routes a revert to an error boundary event instead of failing the step");
        properties.add(revert);
        return template("org.approvalchain.ContractStep." + contract + "." + bound, contract + "." + bound + " (automatic) 合约自动步骤",
                "Automatic step (mode automatic, no discretion): " + contract + "." + function.signature() + " on chain.",
                "bpmn:ServiceTask", properties);
    }

    private static Map<String, Object> decision(Mode mode, String name, String description) {
        List<Map<String, Object>> properties = new ArrayList<>();
        Map<String, Object> groups = field("Candidate groups (who may decide)", "String", "property", "camunda:candidateGroups");
        groups.put("constraints", Map.of("notEmpty", true));
        groups.put("description", "Comma-separated, e.g. licensing-officers");
        properties.add(groups);
        properties.add(field("Candidate users (optional)", "String", "property", "camunda:candidateUsers"));
        properties.add(hidden("camunda:property", "mode", mode.toString()));
        properties.addAll(legalBasis());
        Map<String, Object> discretion = field("Discretion 裁量 (judgement involved)", "Dropdown", "camunda:property", "discretion");
        discretion.put("value", "true");
        discretion.put("choices", List.of(choice("true – the decision involves judgement", "true"),
                choice("false – no judgement", "false")));
        properties.add(discretion);
        String id = mode == Mode.MANUAL ? "ManualDecision" : "AssistedDecision";
        return template("org.approvalchain." + id, name, description + " See docs/legal-gate.md", "bpmn:UserTask", properties);
    }

    private static List<Map<String, Object>> legalBasis() {
        Map<String, Object> basis = field("Legal basis 法律依据 (citation: law, article, paragraph)", "String", "camunda:property", "legalBasis");
        basis.put("constraints", Map.of("notEmpty", true));
        basis.put("description", "The citation that allows this step, e.g. " + EXAMPLE_BASIS);
        Map<String, Object> url = field("Legal basis URL (optional)", "String", "camunda:property", "legalBasisUrl");
        url.put("description", "Where the official text is kept, e.g. https://flk.npc.gov.cn");
        return List.of(basis, url);
    }

    private static Map<String, Object> template(String id, String name, String description, String appliesTo,
                                                List<Map<String, Object>> properties) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("$schema", SCHEMA);
        template.put("name", name);
        template.put("id", id);
        template.put("version", 1);
        template.put("description", description);
        template.put("appliesTo", List.of(appliesTo));
        template.put("entriesVisible", true);
        template.put("properties", properties);
        return template;
    }

    private static Map<String, Object> field(String label, String type, String binding, String name) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("label", label);
        field.put("type", type);
        field.put("binding", binding(binding, name));
        return field;
    }

    private static Map<String, Object> hidden(String binding, String name, String value) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("type", "Hidden");
        field.put("value", value);
        field.put("binding", binding(binding, name));
        return field;
    }

    /** Type first, then name, as Camunda's own templates write a binding. */
    private static Map<String, Object> binding(String type, String name) {
        Map<String, Object> binding = new LinkedHashMap<>();
        binding.put("type", type);
        binding.put("name", name);
        return binding;
    }

    private static Map<String, Object> choice(String name, String value) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("name", name);
        choice.put("value", value);
        return choice;
    }
}
