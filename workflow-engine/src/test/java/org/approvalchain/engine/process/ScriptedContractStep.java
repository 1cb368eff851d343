package org.approvalchain.engine.process;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A scripted stand-in for the {@code contractStep} bean ({@link ContractStep}) in process tests,
 * whose subject is a model's routing; the contracts are tested against their real bytecode
 * elsewhere ({@code org.approvalchain.engine.contracts}). It reads an element's binding as the
 * product does ({@link StepBinding}) and evaluates its inputs against the case, with the real
 * {@code chain} helpers ({@link ChainExpressions}), so an input naming a variable the case lacks
 * fails here as it would in production. Then it sets the variables the binding's {@code output.*}
 * properties name to the values the test scripted, or, for a scripted revert, does what {@link
 * ContractStep} does: throws the binding's {@code revertErrorCode} as a BPMN error, or fails the step
 * (job retries, then an incident) when the binding names none. Registered for each test with
 * {@code @RegisterExtension}, in {@code Mocks}, which {@link InMemoryEngine}'s expressions see.
 */
final class ScriptedContractStep implements JavaDelegate, BeforeEachCallback, AfterEachCallback {

    private final Map<String, Map<String, Object>> answers = new HashMap<>();
    private final Map<String, String> reverts = new HashMap<>();
    private final Map<String, Map<String, Object>> lastInputs = new HashMap<>();

    /** Scripts the value the function bound to {@code activityId} returns as {@code output}. */
    ScriptedContractStep answer(String activityId, String output, Object value) {
        answers.computeIfAbsent(activityId, a -> new HashMap<>()).put(output, value);
        reverts.remove(activityId);
        return this;
    }

    /** Scripts the function bound to {@code activityId} to revert with {@code reason}. */
    ScriptedContractStep revert(String activityId, String reason) {
        reverts.put(activityId, reason);
        return this;
    }

    /** The evaluated inputs of the last call made for {@code activityId}. */
    Map<String, Object> inputs(String activityId) {
        return lastInputs.getOrDefault(activityId, Map.of());
    }

    @Override
    public void execute(DelegateExecution execution) {
        StepBinding binding = StepBinding.of(execution);
        String activityId = execution.getCurrentActivityId();
        lastInputs.put(activityId, binding.evaluateInputs(execution));
        String revertReason = reverts.get(activityId);
        if (revertReason != null) {
            if (binding.revertErrorCode() == null) {
                throw new IllegalStateException("STEP-002 " + binding.contract() + "." + binding.function()
                        + " reverted in " + activityId + ": " + revertReason);
            }
            throw new BpmnError(binding.revertErrorCode(), revertReason);
        }
        Map<String, Object> scripted = answers.getOrDefault(activityId, Map.of());
        binding.outputs().forEach((output, variable) -> {
            if (!scripted.containsKey(output)) {
                throw new IllegalStateException("no answer scripted for output '" + output + "' of " + activityId);
            }
            execution.setVariable(variable, scripted.get(output));
        });
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Mocks.register("contractStep", this);
        Mocks.register("chain", new ChainExpressions(null)); // its tender helpers read the chain: not for scripted steps
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Mocks.reset();
    }
}
