package org.approvalchain.engine.process;

import org.approvalchain.contracts.CaseLedgerContract;
import org.approvalchain.contracts.CaseLedgerContract.StepKind;
import org.approvalchain.contracts.DecisionRegistryContract;
import org.approvalchain.engine.ledger.ChainWriter;
import org.approvalchain.engine.ledger.DeployedContracts;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.springframework.stereotype.Component;
import org.web3j.utils.Numeric;

/**
 * A case's life on chain: opened on {@code CaseLedger} once (lazily, by its first step: the journal
 * key makes it exactly once however many steps race for it), each step recorded once under its
 * step key, and each signed decision recorded once in {@code DecisionRegistry}.
 */
@Component
class CaseChain {

    private final ChainWriter writer;
    private final DeployedContracts contracts;
    private final CaseLedgerContract caseLedger;
    private final DecisionRegistryContract decisions;

    CaseChain(ChainWriter writer, DeployedContracts contracts) {
        this.writer = writer;
        this.contracts = contracts;
        this.caseLedger = new CaseLedgerContract(contracts.codec());
        this.decisions = new DecisionRegistryContract(contracts.codec());
    }

    /** Opens the case on chain unless it already is; {@code applicantHash} is 0x-prefixed SM3 hex. */
    void ensureOpen(String caseId, String processDefinitionId, int version, String applicantHash) {
        TransactionReceipt receipt = send(caseId + "/open", caseLedger.openCase(caseId, processDefinitionId, version,
                Numeric.hexStringToByteArray(applicantHash)));
        if (!receipt.succeeded() && !"CaseLedger: case already opened".equals(receipt.revertReason())) {
            throw new IllegalStateException("CHAIN-001 opening case " + caseId + " on chain failed: " + receipt.revertReason());
        }
    }

    /** Records a step once; returns the receipt of the {@code recordStep} transaction. */
    TransactionReceipt recordStep(String caseId, String activityInstance, StepKind kind, String resultHash) {
        TransactionReceipt receipt = send(caseId + "/" + activityInstance + "/step",
                caseLedger.recordStep(caseId, activityInstance, kind, Numeric.hexStringToByteArray(resultHash)));
        if (!receipt.succeeded()) {
            throw new IllegalStateException("CHAIN-002 recording step " + activityInstance + " of case " + caseId
                    + " on chain failed: " + receipt.revertReason());
        }
        return receipt;
    }

    /** Records a verified decision once; {@code decision} is APPROVE, REJECT or RETURN_FOR_CORRECTION. */
    TransactionReceipt recordDecision(String caseId, String taskId, String approverId, byte[] approverPublicKey,
                                      String decision, String payloadSm3, byte[] signatureDer) {
        byte[] call = decisions.recordDecision(caseId, taskId, approverId, approverPublicKey,
                DecisionRegistryContract.Decision.valueOf(decision), Numeric.hexStringToByteArray(payloadSm3), signatureDer);
        TransactionReceipt receipt = writer.call(caseId + "/task/" + taskId + "/decision", DecisionRegistryContract.NAME,
                contracts.address(DecisionRegistryContract.NAME), call);
        if (!receipt.succeeded()) {
            throw new IllegalStateException("DECISION-103 DecisionRegistry refused the decision of task " + taskId + ": "
                    + receipt.revertReason());
        }
        return receipt;
    }

    private TransactionReceipt send(String key, byte[] call) {
        return writer.call(key, CaseLedgerContract.NAME, contracts.address(CaseLedgerContract.NAME), call);
    }
}
