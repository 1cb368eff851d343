package org.approvalchain.engine.process;

import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.approvalchain.contracts.CaseLedgerContract.StepKind;
import org.approvalchain.contracts.ContractInterface;
import org.approvalchain.engine.ledger.ChainWriter;
import org.approvalchain.engine.ledger.CrashPoint;
import org.approvalchain.engine.ledger.CrashPoints;
import org.approvalchain.engine.ledger.DeployedContracts;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The one generic delegate behind every contract-bound service task ({@code
 * camunda:delegateExpression="${contractStep}"}, asynchronous so that Camunda's job retries and
 * incidents apply). It evaluates the inputs the BPMN maps, calls the bound contract function once
 * (see {@link ChainWriter}), stores the outputs in variables, records the step on {@code
 * CaseLedger} and keeps the evidence with the case. A revert fails the step (retries, then an
 * incident) unless the binding names a {@code revertErrorCode}, which routes the case instead.
 */
@Component("contractStep")
class ContractStep implements JavaDelegate {

    private final DeployedContracts contracts;
    private final ChainWriter writer;
    private final CaseChain caseChain;
    private final CaseSteps steps;
    private final CrashPoints crash;

    ContractStep(DeployedContracts contracts, ChainWriter writer, CaseChain caseChain, CaseSteps steps, CrashPoints crash) {
        this.contracts = contracts;
        this.writer = writer;
        this.caseChain = caseChain;
        this.steps = steps;
        this.crash = crash;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StepBinding binding = StepBinding.of(execution);
        CaseContext kase = CaseContext.of(execution);
        String activityId = execution.getCurrentActivityId();
        int visit = CaseContext.nextVisit(execution, activityId);
        String activityInstance = CaseContext.activityInstance(activityId, visit);
        String stepKey = kase.caseId() + "/" + activityInstance;

        Map<String, Object> inputs = binding.evaluateInputs(execution);
        ContractInterface contract = contracts.interfaceOf(binding.contract());
        byte[] call = contract.encode(binding.function(), inputs);
        TransactionReceipt receipt = writer.call(stepKey + "/call", binding.contract(),
                contracts.address(binding.contract()), call);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", receipt.status());
        if (receipt.succeeded()) {
            Map<String, Object> outputs = contract.decodeOutputs(binding.function(), receipt.output());
            result.put("outputs", outputs);
            binding.outputs().forEach((name, variable) -> execution.setVariable(variable, variableValue(outputs, name, binding)));
        } else {
            result.put("revertReason", receipt.revertReason());
            if (binding.revertErrorCode() == null) {
                throw new IllegalStateException("STEP-002 " + binding.contract() + "." + binding.function()
                        + " reverted in " + activityId + ": " + receipt.revertReason());
            }
        }
        String resultHash = StepDigest.sm3(result);
        crash.reach(CrashPoint.STEP_CALLED, stepKey);
        caseChain.ensureOpen(kase.caseId(), kase.processDefinitionId(), kase.processVersion(), kase.applicantHash());
        TransactionReceipt stepReceipt = caseChain.recordStep(kase.caseId(), activityInstance, StepKind.AUTOMATIC, resultHash);
        steps.add(new CaseStep(stepKey, kase.caseId(), activityId, execution.getCurrentActivityName(), visit,
                CaseStep.Kind.AUTOMATIC, binding.contract(), binding.function(), StepDigest.sm3(inputs), resultHash,
                StepDigest.json(result), receipt.transactionHash(), receipt.blockNumber(), receipt.status(),
                receipt.revertReason(), stepReceipt.transactionHash(), stepReceipt.blockNumber(), null, Instant.now()));
        crash.reach(CrashPoint.STEP_RECORDED, stepKey);
        if (!receipt.succeeded()) {
            throw new BpmnError(binding.revertErrorCode(), receipt.revertReason());
        }
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
