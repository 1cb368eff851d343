package org.approvalchain.engine.process;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * How a BPMN element binds itself to a contract function, in Camunda extension properties:
 * {@code contract}, {@code function}, {@code input.<parameter>} (a literal or an expression such
 * as {@code ${applicantAge}}), {@code output.<return value>} (the variable to store it in) and,
 * optionally, {@code revertErrorCode}: the BPMN error thrown when the contract reverts, so that a
 * boundary event routes the case instead of the step failing.
 */
record StepBinding(String contract, String function, Map<String, String> inputs, Map<String, String> outputs,
                   String revertErrorCode) {

    static StepBinding of(DelegateExecution execution) {
        Map<String, String> properties = properties(execution.getBpmnModelElementInstance());
        Map<String, String> inputs = new LinkedHashMap<>();
        Map<String, String> outputs = new LinkedHashMap<>();
        properties.forEach((name, value) -> {
            if (name.startsWith("input.")) {
                inputs.put(name.substring("input.".length()), value);
            } else if (name.startsWith("output.")) {
                outputs.put(name.substring("output.".length()), value);
            }
        });
        String contract = properties.get("contract");
        String function = properties.get("function");
        if (contract == null || function == null) {
            throw new IllegalStateException("STEP-001 " + execution.getCurrentActivityId()
                    + " is bound to no contract function: set the extension properties 'contract' and 'function'");
        }
        return new StepBinding(contract, function, inputs, outputs, properties.get("revertErrorCode"));
    }

    /** The inputs with their expressions evaluated against the execution. */
    Map<String, Object> evaluateInputs(DelegateExecution execution) {
        Map<String, Object> values = new LinkedHashMap<>();
        inputs.forEach((parameter, text) -> values.put(parameter, text.contains("${") || text.contains("#{")
                ? Context.getProcessEngineConfiguration().getExpressionManager().createExpression(text).getValue(execution)
                : text));
        return values;
    }

    /** The Camunda extension properties of a model element, by name. */
    static Map<String, String> properties(BaseElement element) {
        Map<String, String> result = new LinkedHashMap<>();
        ExtensionElements extensions = element == null ? null : element.getExtensionElements();
        if (extensions == null) {
            return result;
        }
        for (CamundaProperties group : extensions.getChildElementsByType(CamundaProperties.class)) {
            for (CamundaProperty property : group.getCamundaProperties()) {
                result.put(property.getCamundaName(), property.getCamundaValue());
            }
        }
        return result;
    }
}
