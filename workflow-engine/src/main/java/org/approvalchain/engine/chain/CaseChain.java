package org.approvalchain.engine.chain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.approvalchain.contracts.CaseLedgerContract.StepKind;
import org.approvalchain.contracts.CaseLedgerContract.StepRecord;
import org.approvalchain.contracts.CaseLedgerContract.StepRecorded;
import org.approvalchain.contracts.CaseLedgerContract;
import org.approvalchain.contracts.DecisionRegistryContract.DecisionRecord;
import org.approvalchain.contracts.DecisionRegistryContract;
import org.approvalchain.engine.ledger.CallResult;
import org.approvalchain.engine.ledger.EventLog;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.springframework.stereotype.Component;
import org.web3j.utils.Numeric;

/**
 * A case's life on chain, typed: opened on {@code CaseLedger} once (by its first step; a node
 * remembers the cases it opened recently and does not ask again), each step recorded once under
 * its step key, each signed decision recorded once in {@code DecisionRegistry}; and the same
 * records read back for verification. Write keys make every write exactly once however many
 * threads, retries or nodes race for it.
 */
@Component
public class CaseChain {

    private static final int OPENED_REMEMBERED = 10_000;

    private final Contracts contracts;
    private final Ledger ledger;
    private final CaseLedgerContract caseLedger;
    private final DecisionRegistryContract decisions;
    /** Cases this node saw opened on chain, the most recent ones: their steps need not ask the journal again. */
    private final Set<String> opened = Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > OPENED_REMEMBERED;
        }
    }));

    CaseChain(Contracts contracts, Ledger ledger) {
        this.contracts = contracts;
        this.ledger = ledger;
        this.caseLedger = new CaseLedgerContract(contracts.codec());
        this.decisions = new DecisionRegistryContract(contracts.codec());
    }

    /** A step event on chain with the transaction that emitted it. */
    public record StepEvent(StepRecorded step, String transactionHash) {
    }

    /** Opens the case on chain unless it already is; {@code applicantHash} is 0x-prefixed SM3 hex. */
    public void ensureOpen(String caseId, String processDefinitionId, int version, String applicantHash) {
        if (opened.contains(caseId)) {
            return;
        }
        TransactionReceipt receipt = contracts.send(caseId + "/open", CaseLedgerContract.NAME,
                caseLedger.openCase(caseId, processDefinitionId, version, Numeric.hexStringToByteArray(applicantHash)));
        if (!"CaseLedger: case already opened".equals(receipt.revertReason())) {
            receipt.requireSucceeded("CHAIN-001 opening case " + caseId + " on chain");
        }
        opened.add(caseId);
    }

    /** Records a step once; returns the receipt of the {@code recordStep} transaction. */
    public TransactionReceipt recordStep(String caseId, String activityInstance, StepKind kind, String resultHash) {
        return contracts.send(caseId + "/" + activityInstance + "/step", CaseLedgerContract.NAME,
                        caseLedger.recordStep(caseId, activityInstance, kind, Numeric.hexStringToByteArray(resultHash)))
                .requireSucceeded("CHAIN-002 recording step " + activityInstance + " of case " + caseId + " on chain");
    }

    /** Records a verified decision once. */
    public TransactionReceipt recordDecision(String caseId, String taskId, String approverId, byte[] approverPublicKey,
                                             DecisionRegistryContract.Decision decision, String payloadSm3,
                                             byte[] signatureDer) {
        return contracts.send(caseId + "/task/" + taskId + "/decision", DecisionRegistryContract.NAME,
                        decisions.recordDecision(caseId, taskId, approverId, approverPublicKey, decision,
                                Numeric.hexStringToByteArray(payloadSm3), signatureDer))
                .requireSucceeded("DECISION-103 recording the decision of task " + taskId + " in DecisionRegistry");
    }

    /** The step {@code CaseLedger} holds for the case's activity instance, if any. */
    public Optional<StepRecord> step(String caseId, String activityInstance) {
        CallResult result = contracts.read(CaseLedgerContract.NAME, caseLedger.getStep(caseId, activityInstance));
        return result.succeeded() ? caseLedger.decodeStep(result.output()) : Optional.empty();
    }

    /** The decision {@code DecisionRegistry} holds for the case's task, if any. */
    public Optional<DecisionRecord> decision(String caseId, String taskId) {
        CallResult result = contracts.read(DecisionRegistryContract.NAME, decisions.getDecision(caseId, taskId));
        return result.succeeded() ? decisions.decodeDecision(result.output()) : Optional.empty();
    }

    /** Every step {@code CaseLedger} recorded in blocks {@code fromBlock..toBlock}, in chain order. */
    public List<StepEvent> stepsRecorded(long fromBlock, long toBlock) {
        return ledger.events(contracts.address(CaseLedgerContract.NAME), fromBlock, toBlock).stream()
                .flatMap((EventLog log) -> caseLedger.stepRecorded(log.topics(), log.data())
                        .map(step -> new StepEvent(step, log.transactionHash())).stream())
                .toList();
    }
}
