package org.approvalchain.engine.process;

import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Timer;
import org.approvalchain.contracts.CaseLedgerContract.CallReturned;
import org.approvalchain.contracts.CaseLedgerContract.StepKind;
import org.approvalchain.engine.chain.CallDecoder;
import org.approvalchain.engine.chain.CaseChain;
import org.approvalchain.engine.chain.CaseChain.CaseOnChain;
import org.approvalchain.engine.chain.CaseChain.RecordedCall;
import org.approvalchain.engine.chain.Contracts;
import org.approvalchain.engine.chain.CrashPoint;
import org.approvalchain.engine.chain.FaultInjection;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.approvalchain.engine.record.CaseRecord;
import org.approvalchain.engine.record.CaseStep;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The one generic delegate behind every contract-bound service task ({@code
 * camunda:delegateExpression="${contractStep}"}, asynchronous so that Camunda's job retries and
 * incidents apply). It evaluates the inputs the BPMN maps, previews the bound contract function
 * from the account of the department the model makes responsible, then makes the call and records
 * the step with the previewed result's hash in one transaction ({@link CaseChain#recordCall}, once
 * per step), stores the outputs in variables and adds the step to the case record. A revert fails
 * the step (retries, then an incident) unless the binding names a {@code revertErrorCode}, which
 * routes the case instead.
 */
@Component("contractStep")
class ContractStep implements JavaDelegate {

    /** How often a step is previewed and sent when the chain finds each preview outdated. */
    static final int PREVIEW_ATTEMPTS = 3;

    private final DeployedDefinitions definitions;
    private final Contracts contracts;
    private final CallDecoder calls;
    private final CaseChain caseChain;
    private final CaseRecord record;
    private final FaultInjection faults;
    private final StepMeters meters;

    ContractStep(DeployedDefinitions definitions, Contracts contracts, CallDecoder calls, CaseChain caseChain,
                 CaseRecord record, FaultInjection faults, StepMeters meters) {
        this.meters = meters;
        this.calls = calls;
        this.definitions = definitions;
        this.contracts = contracts;
        this.caseChain = caseChain;
        this.record = record;
        this.faults = faults;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Timer.Sample started = meters.start();
        StepBinding binding = definitions.binding(execution);
        CaseOnChain kase = CaseContext.onChain(execution.getProcessBusinessKey(), execution.getProcessDefinitionId(),
                definitions.version(execution.getProcessDefinitionId()), execution.getVariable(CaseContext.APPLICANT_HASH));
        String activityId = execution.getCurrentActivityId();
        int visit = record.lastVisit(kase.caseId(), activityId) + 1;
        String activityInstance = CaseContext.activityInstance(activityId, visit);
        String stepKey = kase.caseId() + "/" + activityInstance;

        String department = definitions.department(execution.getProcessDefinitionId(), activityId);
        Map<String, Object> inputs = binding.evaluateInputs(execution);
        RecordedCall done = meters.timed(binding, started, () -> recordCall(binding, kase, department, activityInstance, inputs));
        TransactionReceipt receipt = done.receipt();
        if (!receipt.succeeded()) {
            throw new IllegalStateException("STEP-002 " + binding.contract() + "." + binding.function()
                    + " reverted in " + activityId + ": " + receipt.revertReason());
        }
        // the call as the chain made it: a transaction journalled before a crash may have seen other state than the preview
        CallReturned call = done.call();
        Map<String, Object> result = result(binding, call);
        StepDigest digest = StepDigest.of(result);
        if (call.succeeded()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> outputs = (Map<String, Object>) result.get("outputs");
            binding.outputs().forEach((name, variable) -> execution.setVariable(variable, variableValue(outputs, name, binding)));
        }
        record.add(new CaseStep(stepKey, kase.caseId(), activityId, execution.getCurrentActivityName(), visit,
                CaseStep.Kind.AUTOMATIC, binding.contract(), binding.function(),
                calls.argumentsHash(binding.contract(), contracts.encode(binding.contract(), binding.function(), inputs))
                        .orElseThrow(), digest.sm3(),
                digest.json(), receipt.transactionHash(), receipt.blockNumber(),
                call.succeeded() ? TransactionReceipt.STATUS_OK : TransactionReceipt.STATUS_REVERTED,
                call.revertReason(), receipt.transactionHash(), receipt.blockNumber(), null, Instant.now()));
        faults.reach(CrashPoint.STEP_RECORDED, stepKey);
        if (!call.succeeded()) {
            throw new BpmnError(binding.revertErrorCode(), call.revertReason());
        }
    }

    /**
     * Previews the step's call, then makes it and records the step in one transaction. A call whose
     * outcome turns on the moment (a deadline, a validity period) may come out otherwise in its block
     * than in the preview a few milliseconds before; the chain then refuses the step unchanged, and
     * it is previewed and sent again, up to {@value #PREVIEW_ATTEMPTS} times.
     */
    private RecordedCall recordCall(StepBinding binding, CaseOnChain kase, String department, String activityInstance,
                                    Map<String, Object> inputs) {
        for (int attempt = 0; ; attempt++) {
            Contracts.Preview preview = contracts.preview(department, binding.contract(), binding.function(), inputs);
            StepDigest previewed = StepDigest.of(result(binding, new CallReturned(preview.result().succeeded(),
                    preview.result().output())));
            RecordedCall done = caseChain.recordCall(kase, department, activityInstance, StepKind.AUTOMATIC, previewed.sm3(),
                    preview, binding.revertErrorCode() != null, attempt);
            if (!done.previewOutdated() || attempt + 1 == PREVIEW_ATTEMPTS) {
                return done;
            }
        }
    }

    /** The step's result as its hash covers it: the call's status and its named outputs, or its revert reason. */
    private Map<String, Object> result(StepBinding binding, CallReturned call) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (call.succeeded()) {
            result.put("status", TransactionReceipt.STATUS_OK);
            result.put("outputs", contracts.outputs(binding.contract(), binding.function(), call.data()));
        } else {
            result.put("status", TransactionReceipt.STATUS_REVERTED);
            result.put("revertReason", call.revertReason());
        }
        return result;
    }

    /** Integers become Long where they fit (Camunda has no BigInteger type), text otherwise. */
    private static Object variableValue(Map<String, Object> outputs, String name, StepBinding binding) {
        if (!outputs.containsKey(name)) {
            throw new IllegalStateException("STEP-003 " + binding.contract() + "." + binding.function()
                    + " has no output '" + name + "'; it returns " + outputs.keySet());
        }
        Object value = outputs.get(name);
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : big.toString();
        }
        return value;
    }
}
