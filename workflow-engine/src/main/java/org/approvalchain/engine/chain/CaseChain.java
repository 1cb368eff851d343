package org.approvalchain.engine.chain;

import java.util.List;
import java.util.Optional;

import org.approvalchain.contracts.CaseLedgerContract.CallReturned;
import org.approvalchain.contracts.CaseLedgerContract.CaseRecord;
import org.approvalchain.contracts.CaseLedgerContract.StepCall;
import org.approvalchain.contracts.CaseLedgerContract.StepKind;
import org.approvalchain.contracts.CaseLedgerContract.StepRecord;
import org.approvalchain.contracts.CaseLedgerContract.StepRecorded;
import org.approvalchain.contracts.CaseLedgerContract;
import org.approvalchain.contracts.DecisionRegistryContract.DecisionRecord;
import org.approvalchain.contracts.DecisionRegistryContract;
import org.approvalchain.contracts.DocumentEvidenceContract;
import org.approvalchain.contracts.DocumentEvidenceContract.EvidenceRecord;
import org.approvalchain.engine.ledger.CallResult;
import org.approvalchain.engine.ledger.EventLog;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.springframework.stereotype.Component;
import org.web3j.utils.Numeric;

/**
 * A case's life on chain, typed: each step recorded once on {@code CaseLedger} under its step
 * key (the first one opening the case in the same transaction), each signed decision recorded
 * once in {@code DecisionRegistry}, the applicant's corrections anchored in {@code DocumentEvidence};
 * and the same records read back for verification. Write keys make every write exactly once however many
 * threads, retries or nodes race for it.
 */
@Component
public class CaseChain {

    private final Contracts contracts;
    private final Ledger ledger;
    private final CaseLedgerContract caseLedger;
    private final DecisionRegistryContract decisions;
    private final DocumentEvidenceContract evidence;
    private final EngineAccount account;
    private final DocumentChecks documents;

    CaseChain(Contracts contracts, Ledger ledger, EngineAccount account, DocumentChecks documents) {
        this.contracts = contracts;
        this.ledger = ledger;
        this.account = account;
        this.documents = documents;
        this.caseLedger = new CaseLedgerContract(contracts.codec());
        this.decisions = new DecisionRegistryContract(contracts.codec());
        this.evidence = new DocumentEvidenceContract(contracts.codec());
    }

    /** A step event on chain with the transaction that emitted it. */
    public record StepEvent(StepRecorded step, String transactionHash) {
    }

    /**
     * A case as {@code CaseLedger} knows it: its id, the process definition and version it runs,
     * and the SM3 hash of the applicant's data (0x-prefixed hex).
     */
    public record CaseOnChain(String caseId, String processDefinitionId, int processVersion, String applicantHash) {
    }

    /**
     * Anchors the applicant's corrections of a case in {@code DocumentEvidence} from the engine
     * account, once for the document, before the case takes them (see {@link CorrectionsDocument}).
     */
    public void anchorCorrections(CorrectionsDocument corrections) {
        String hash = corrections.sm3();
        contracts.send(corrections.caseId() + "/corrections/" + hash, DocumentEvidenceContract.NAME,
                        evidence.anchor(Numeric.hexStringToByteArray(hash), CorrectionsDocument.TYPE))
                .requireSucceeded("CHAIN-003 anchoring the corrections of case " + corrections.caseId() + " on chain");
    }

    /** Whether the engine account anchored these corrections on chain. */
    public boolean anchored(CorrectionsDocument corrections) {
        EvidenceRecord anchor = documents.evidence(Numeric.hexStringToByteArray(corrections.sm3()));
        return anchor.anchored() && CorrectionsDocument.TYPE.equals(anchor.documentType())
                && anchor.issuer().equalsIgnoreCase(account.address());
    }

    /**
     * Makes a step's call and records the step in one transaction ({@code CaseLedger.recordCall}),
     * once for the step's key, from the account of the department responsible (the engine's when
     * null): the call made for the department, its return data required to be {@code preview}'s
     * (state that moved in between reverts the transaction), a revert of the call the step's result
     * when {@code recordRevert}, else the transaction's. Returns the receipt and, when it succeeded,
     * what the call returned as the chain made it (after a crash, that of the transaction journalled
     * then, which may differ from a preview taken now). {@code attempt} counts the previews of the
     * step that the chain found outdated (see {@link RecordedCall#previewOutdated()}): each attempt
     * is a write of its own, so a retry after a crash resends the same attempts in the same order.
     */
    public RecordedCall recordCall(CaseOnChain kase, String department, String activityInstance, StepKind kind,
                                   String resultHash, Contracts.Preview preview, boolean recordRevert, int attempt) {
        byte[] input = caseLedger.recordCall(new StepCall(kase.caseId(), kase.processDefinitionId(), kase.processVersion(),
                        Numeric.hexStringToByteArray(kase.applicantHash()), activityInstance, kind,
                        Numeric.hexStringToByteArray(resultHash)),
                contracts.address(preview.contract()), preview.input(), preview.result().output(), recordRevert);
        TransactionReceipt receipt = contracts.sendRecordCall(department, kase.caseId(),
                stepKey(kase, activityInstance) + (attempt == 0 ? "" : "/" + (attempt + 1)), preview.contract(), input);
        return new RecordedCall(receipt, receipt.succeeded() ? caseLedger.decodeRecordCall(receipt.output()) : null);
    }

    /** The receipt of a {@code recordCall} and, when it succeeded, the step's call as made inside it. */
    public record RecordedCall(TransactionReceipt receipt, CallReturned call) {

        /** The revert of a {@code recordCall} whose call returned other than its preview: state moved in between. */
        public static final String PREVIEW_OUTDATED = "CaseLedger: the call returned other than expected";

        /** Whether the chain refused the step because the state moved between the preview and the transaction. */
        public boolean previewOutdated() {
            return !receipt.succeeded() && PREVIEW_OUTDATED.equals(receipt.revertReason());
        }
    }

    /** What a {@code recordCall} transaction says of the step's call in it, if it is one that succeeded. */
    public Optional<CallReturned> callIn(TransactionReceipt receipt) {
        boolean recordCall = receipt.succeeded() && receipt.output().length > 0
                && contracts.address(CaseLedgerContract.NAME).equalsIgnoreCase(receipt.to());
        return recordCall ? Optional.of(caseLedger.decodeRecordCall(receipt.output())) : Optional.empty();
    }

    private static String stepKey(CaseOnChain kase, String activityInstance) {
        return kase.caseId() + "/" + activityInstance + "/step";
    }

    /**
     * Records a verified decision in {@code DecisionRegistry} and its step on {@code CaseLedger} in
     * one transaction ({@code recordCall}, result hash the payload's SM3), once for the step's key,
     * from the account of the department the task belongs to (the engine's when null).
     */
    public TransactionReceipt recordDecision(CaseOnChain kase, String department, String activityInstance, String taskId,
                                             String approverId, byte[] approverPublicKey,
                                             DecisionRegistryContract.Decision decision, String payloadSm3, byte[] signatureDer) {
        byte[] recordDecision = decisions.recordDecision(kase.caseId(), taskId, approverId, approverPublicKey, decision,
                Numeric.hexStringToByteArray(payloadSm3), signatureDer);
        byte[] input = caseLedger.recordCall(new StepCall(kase.caseId(), kase.processDefinitionId(), kase.processVersion(),
                        Numeric.hexStringToByteArray(kase.applicantHash()), activityInstance, StepKind.MANUAL,
                        Numeric.hexStringToByteArray(payloadSm3)),
                contracts.address(DecisionRegistryContract.NAME), recordDecision, new byte[0], false);
        return contracts.sendRecordCall(department, kase.caseId(), stepKey(kase, activityInstance),
                        DecisionRegistryContract.NAME, input)
                .requireSucceeded("DECISION-103 recording the decision of task " + taskId + " and its step on chain");
    }

    /** The case as {@code CaseLedger} holds it, if its first step opened it. */
    public Optional<CaseRecord> opened(String caseId) {
        CallResult result = contracts.read(CaseLedgerContract.NAME, caseLedger.getCase(caseId));
        return result.succeeded() ? caseLedger.decodeCase(result.output()) : Optional.empty();
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
