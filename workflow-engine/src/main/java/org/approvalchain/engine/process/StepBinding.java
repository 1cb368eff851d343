package org.approvalchain.engine.process;

import java.util.LinkedHashMap;
import java.util.Map;

import org.approvalchain.engine.legal.camunda.ExtensionProperties;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;

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
        Map<String, String> properties = ExtensionProperties.of(execution.getBpmnModelElementInstance());
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
}
