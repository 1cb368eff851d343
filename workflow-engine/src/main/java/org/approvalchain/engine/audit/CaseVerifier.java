package org.approvalchain.engine.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.approvalchain.contracts.CaseLedgerContract.StepRecord;
import org.approvalchain.contracts.CaseLedgerContract.StepRecorded;
import org.approvalchain.contracts.DecisionRegistryContract.DecisionRecord;
import org.approvalchain.engine.audit.CaseHistory.GuardedTask;
import org.approvalchain.engine.audit.Verification.Finding;
import org.approvalchain.engine.audit.Verification.Kind;
import org.approvalchain.engine.chain.CaseChain.StepEvent;
import org.approvalchain.engine.chain.CallDecoder.Call;
import org.approvalchain.engine.chain.CallDecoder;
import org.approvalchain.engine.chain.CaseChain;
import org.approvalchain.engine.chain.Departments;
import org.approvalchain.engine.crypto.Sm3;
import org.approvalchain.engine.keys.RegisteredKeys;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.ledger.SealedTransaction;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.approvalchain.engine.record.CaseRecord;
import org.approvalchain.engine.record.CaseStep;
import org.approvalchain.engine.record.KeptDecision;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.web3j.utils.Numeric;

/**
 * Checks a case's record (its steps and decisions, as the engine recorded them) against the chain:
 * each step on {@code CaseLedger} with the same kind and result hash, in the same order, with its
 * transactions' receipts; each decision in {@code DecisionRegistry} (see {@link DecisionCheck}) with
 * the state the chain gives it and times that fit its payload's and the chain's, signed with the approver's key registered and valid then (see {@link
 * KeyCheck}), and the case state it was signed on (see {@link CaseStateCheck}); the case's process
 * version and applicant as its first step opened it on chain (see {@link OpenedCheck}); no
 * step on chain that the record lacks; and the decisions against the engine's own history (see
 * {@link HistoryCheck}); each step's transactions sent by the account of the department responsible
 * for it, its call made to the contract and function its row names. The chain's step events are read once per run:
 * verifying every case costs one pass over the chain, not one per case.
 */
@Service
public class CaseVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CaseRecord record;
    private final CaseChain caseChain;
    private final Ledger ledger;
    private final CaseHistory history;
    private final RegisteredKeys keys;
    private final ApplicationEventPublisher publisher;
    private final Departments departments;
    private final CallDecoder calls;

    CaseVerifier(CaseRecord record, CaseChain caseChain, Ledger ledger, CaseHistory history, RegisteredKeys keys,
                 ApplicationEventPublisher publisher, Departments departments, CallDecoder calls) {
        this.departments = departments;
        this.calls = calls;
        this.keys = keys;
        this.publisher = publisher;
        this.record = record;
        this.caseChain = caseChain;
        this.ledger = ledger;
        this.history = history;
    }

    /**
     * The case verified when the record holds anything of it or, its rows deleted, the chain has steps
     * of it (one pass over the chain either way); empty when neither does.
     */
    public Optional<Verification> verifyIfKnown(String caseId) {
        Map<String, List<StepEvent>> events = stepEvents(Set.of(caseId));
        return record.knows(caseId) || !events.isEmpty() ? Optional.of(verify(caseId, events)) : Optional.empty();
    }

    public Verification verify(String caseId) {
        return verify(caseId, stepEvents(Set.of(caseId)));
    }

    /**
     * Every case verified, from one pass over the chain: each case the record holds or the chain has
     * steps of (a case whose rows were all deleted still shows up, every step it has on chain EXTRA),
     * and the cases of the engine's history that never reached the chain, each with where it stands
     * (waiting before its first step, or its first step failing).
     */
    public AllCases verifyAll() {
        Map<String, List<StepEvent>> events = stepEvents(null);
        Set<String> caseIds = new TreeSet<>(record.caseIds());
        caseIds.addAll(events.keySet());
        Map<String, String> notOnChain = new TreeMap<>();
        history.caseIds().stream().filter(caseId -> !caseIds.contains(caseId))
                .forEach(caseId -> notOnChain.put(caseId, history.whereIs(caseId)));
        return new AllCases(caseIds.stream().map(caseId -> verify(caseId, events)).toList(), notOnChain);
    }

    /** The verification of every case on chain, and the cases that never reached it with where they stand. */
    public record AllCases(List<Verification> verified, Map<String, String> notOnChain) {
    }

    private Verification verify(String caseId, Map<String, List<StepEvent>> events) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Long> sequences = new LinkedHashMap<>();
        List<KeptDecision> decisions = record.decisions(caseId);
        CaseHistory.Case inHistory = history.of(caseId);
        String definition = inHistory.processDefinitionId();
        for (CaseStep step : record.steps(caseId)) {
            String activityInstance = step.stepKey().substring(caseId.length() + 1);
            checkStep(caseId, activityInstance, step, findings).ifPresent(sequence -> sequences.put(step.stepKey(), sequence));
            checkRecordedStep(step, decisions, findings);
            checkRow(activityInstance, definition, step, findings);
            checkTransactions(definition, step, findings);
        }
        checkOrder(sequences, findings);
        checkExtra(caseId, sequences.keySet(), events.getOrDefault(caseId, List.of()), findings);
        Map<String, GuardedTask> tasks = inHistory.guardedTasks();
        List<KeptDecision> recorded = new ArrayList<>();
        for (KeptDecision kept : decisions) {
            Optional<DecisionRecord> onChain = caseChain.decision(caseId, kept.taskId());
            if (DecisionCheck.checkState(kept, onChain,
                    tasks.containsKey(kept.taskId()) && tasks.get(kept.taskId()).completed(), findings)) {
                recorded.add(kept);
                checkReceipt(kept.taskId(), "decision_tx", kept.decisionTxHash(), kept.decisionBlock(),
                        TransactionReceipt.STATUS_OK, findings);
                findings.addAll(DecisionCheck.againstChain(kept, onChain));
                findings.addAll(DecisionCheck.inItself(kept));
                findings.addAll(CaseStateCheck.check(kept, activityInstance -> caseChain.step(caseId, activityInstance)));
                onChain.ifPresent(decision -> {
                    Instant issued = DecisionCheck.issuedAt(kept, decision);
                    findings.addAll(DecisionCheck.times(kept, issued, decision));
                    findings.addAll(KeyCheck.check(kept.taskId(), decision, issued, keys.of(decision.approverId())));
                });
            }
        }
        Optional.ofNullable(inHistory.endDisagreement()).ifPresent(end -> findings.add(new Finding(Kind.ALTERED, "case",
                "end event", end.endActivityId(), "reached " + end.endEventsReached())));
        inHistory.timersRunEarly().forEach(timer -> findings.add(new Finding(Kind.EARLY, timer.activityId(), "time limit",
                "run by " + timer.userId() + " at " + timer.ran(), "due " + timer.due())));
        Map<String, String> variables = inHistory.variables();
        findings.addAll(OpenedCheck.check(caseChain.opened(caseId), definition, variables));
        findings.addAll(HistoryCheck.check(recorded, tasks, inHistory.finishedTaskActivities(), variables));
        Set<String> declared = definition == null ? Set.of() : history.declaredFields(definition);
        CorrectionsCheck.Checked corrections = CorrectionsCheck.check(caseId, declared, variables, caseChain::anchored);
        findings.addAll(corrections.findings());
        HistoryCheck.latest(recorded).ifPresent(latest -> findings.addAll(DecidedOnCheck.check(latest, declared, variables,
                corrections.confirmed())));
        Verification verification = Verification.of(caseId, findings);
        publisher.publishEvent(new CaseVerified(verification));
        return verification;
    }

    /** The chain's step events by case, for the given cases (null: all), from one pass over the chain. */
    private Map<String, List<StepEvent>> stepEvents(Set<String> caseIds) {
        return caseChain.stepsRecorded(0, ledger.status().blockNumber()).stream()
                .filter(e -> caseIds == null || caseIds.contains(e.step().caseId()))
                .collect(Collectors.groupingBy(e -> e.step().caseId()));
    }

    /**
     * The step in itself: a stored result hashes to the recorded hash and states the row's revert reason
     * (none for a call that returned); an automatic step names no actor; a manual step's inputs hash is
     * its result's (the signed payload's), and it has its kept decision (the one recorded in the
     * step's transaction), taken by the step's actor.
     */
    private static void checkRecordedStep(CaseStep step, List<KeptDecision> decisions, List<Finding> findings) {
        if (step.resultJson() != null) {
            differs(step.stepKey(), "result_json", hex(step.resultHash()),
                    Sm3.hex(step.resultJson().getBytes(StandardCharsets.UTF_8)), findings);
            differs(step.stepKey(), "revert_reason", step.revertReason(), revertReasonIn(step.resultJson()), findings);
        }
        if (step.kind() != CaseStep.Kind.MANUAL) {
            differs(step.stepKey(), "actor", step.actor(), null, findings); // a contract took it, no person
            return;
        }
        // a decision's inputs and result are both its signed payload
        differs(step.stepKey(), "inputs_hash", hex(step.inputsHash()), hex(step.resultHash()), findings);
        Optional<KeptDecision> kept = decisions.stream().filter(d -> step.callTxHash() != null
                && step.callTxHash().equalsIgnoreCase(d.decisionTxHash())).findFirst();
        if (kept.isEmpty()) {
            findings.add(new Finding(Kind.MISSING, step.stepKey(), "decision", null, "DecisionRegistry tx " + step.callTxHash()));
        } else {
            differs(step.stepKey(), "actor", step.actor(), kept.get().approverId(), findings);
        }
    }

    /**
     * The step row's activity and visit are those of its key, which names the step on chain, and its
     * activity's name the one the case's process version gives it (null {@code definition}: the
     * history lacks the case).
     */
    private void checkRow(String activityInstance, String definition, CaseStep step, List<Finding> findings) {
        int hash = activityInstance.lastIndexOf('#');
        String activityId = hash < 0 ? activityInstance : activityInstance.substring(0, hash);
        differs(step.stepKey(), "activity_id", step.activityId(), activityId, findings);
        differs(step.stepKey(), "visit", String.valueOf(step.visit()), hash < 0 ? null : activityInstance.substring(hash + 1),
                findings);
        String modelled = definition == null ? null : history.activityName(definition, activityId);
        if (modelled != null) {
            differs(step.stepKey(), "activity_name", step.activityName(), modelled, findings);
        }
    }

    /** The revert reason a step's result states (the result's hash covers it); null for a call that returned. */
    private static String revertReasonIn(String resultJson) {
        try {
            JsonNode reason = JSON.readTree(resultJson).path("revertReason");
            return reason.isTextual() ? reason.asText() : null;
        } catch (JsonProcessingException unreadable) {
            return null; // an unreadable result does not hash to the recorded hash: result_json says so
        }
    }

    /**
     * The step's transactions: sent by the account of the department its process version makes
     * responsible for it (the engine account when it names none), since a step recorded by another
     * department, or by anyone else, is not the responsible department's act; and its call made to
     * the contract and function the step row names (in a {@code recordCall}, the call it forwarded).
     * The process version is the case's, looked up once per case ({@code definition}, null when the
     * history lacks the case).
     */
    private void checkTransactions(String definition, CaseStep step, List<Finding> findings) {
        String department = definition == null ? null : history.responsibleDepartment(definition, step.activityId());
        String account = departments.accountOf(department);
        String expected = account == null ? "department " + department : account;
        Optional<SealedTransaction> stepTx = ledger.transaction(step.stepTxHash());
        stepTx.ifPresent(tx -> differs(step.stepKey(), "step_tx sender", expected, tx.from(), findings));
        if (step.callTxHash() == null) {
            return;
        }
        if (step.callTxHash().equalsIgnoreCase(step.stepTxHash())) {
            stepTx.ifPresent(tx -> {
                String recordedBy = calls.contractAt(tx.to());
                checkCall(step, calls.decode(recordedBy, tx.input()).flatMap(call -> calls.forwarded(recordedBy, call)), findings);
            });
        } else {
            ledger.transaction(step.callTxHash()).ifPresent(tx -> {
                differs(step.stepKey(), "call_tx sender", expected, tx.from(), findings);
                checkCall(step, Optional.of(new Call(calls.contractAt(tx.to()), tx.input())), findings);
            });
        }
    }

    /**
     * The contract and function of the step's call on chain against the step row's (the function by
     * name, or by signature when the row names one), and an automatic step's inputs hash against the
     * call's arguments.
     */
    private void checkCall(CaseStep step, Optional<Call> called, List<Finding> findings) {
        String contract = called.map(Call::contract).orElse(null);
        differs(step.stepKey(), "contract", step.contract(), contract, findings);
        String function = called.flatMap(c -> calls.decode(c.contract(), c.input()))
                .map(c -> step.function() != null && step.function().contains("(") ? c.function().signature()
                        : c.function().name())
                .orElse(null);
        differs(step.stepKey(), "function", step.function(), function, findings);
        if (step.kind() == CaseStep.Kind.AUTOMATIC) {
            differs(step.stepKey(), "inputs_hash", hex(step.inputsHash()),
                    called.flatMap(c -> calls.argumentsHash(c.contract(), c.input())).orElse(null), findings);
        }
    }

    /** Checks one step; returns its on-chain sequence when it is on chain. */
    private Optional<Long> checkStep(String caseId, String activityInstance, CaseStep step, List<Finding> findings) {
        Optional<StepRecord> onChain = caseChain.step(caseId, activityInstance);
        Optional<TransactionReceipt> stepTx = checkReceipt(step.stepKey(), "step_tx", step.stepTxHash(), step.stepBlock(),
                TransactionReceipt.STATUS_OK, findings);
        if (step.callTxHash() != null && !step.callTxHash().equalsIgnoreCase(step.stepTxHash())) {
            checkReceipt(step.stepKey(), "call_tx", step.callTxHash(), step.callBlock(), step.callStatus(), findings);
        } else if (step.callTxHash() != null) {
            checkCallInStepTx(step, stepTx, findings);
        }
        if (onChain.isEmpty()) {
            findings.add(new Finding(Kind.MISSING, step.stepKey(), "step", "kind " + step.kind() + ", result "
                    + step.resultHash(), null));
            return Optional.empty();
        }
        StepRecord chain = onChain.get();
        differs(step.stepKey(), "kind", step.kind().name(), chain.kind().name(), findings);
        differs(step.stepKey(), "result_hash", hex(step.resultHash()), Numeric.toHexString(chain.resultHash()), findings);
        Instant onChainAt = Instant.ofEpochMilli(chain.recordedAt());
        if (step.recordedAt() == null || DecisionCheck.earlierThan(step.recordedAt(), onChainAt)) {
            // the row is written once its transaction is in a block, never before
            findings.add(new Finding(Kind.ALTERED, step.stepKey(), "recorded_at", String.valueOf(step.recordedAt()),
                    "on chain " + onChainAt));
        }
        return Optional.of(chain.sequence());
    }

    private Optional<TransactionReceipt> checkReceipt(String key, String field, String txHash, Long block, Integer status,
                                                      List<Finding> findings) {
        Optional<TransactionReceipt> receipt = ledger.receipt(txHash);
        if (receipt.isEmpty()) {
            findings.add(new Finding(Kind.MISSING, key, field, txHash, null));
            return receipt;
        }
        differs(key, field + " block", String.valueOf(block), String.valueOf(receipt.get().blockNumber()), findings);
        differs(key, field + " status", String.valueOf(status), String.valueOf(receipt.get().status()), findings);
        return receipt;
    }

    /**
     * A step whose call was made in its own transaction ({@code CaseLedger.recordCall}): the call's
     * status is what the transaction says of it, not the transaction's own.
     */
    private void checkCallInStepTx(CaseStep step, Optional<TransactionReceipt> stepTx, List<Finding> findings) {
        stepTx.filter(TransactionReceipt::succeeded).ifPresent(receipt -> {
            String onChain = caseChain.callIn(receipt).map(call -> String.valueOf(call.succeeded()
                    ? TransactionReceipt.STATUS_OK : TransactionReceipt.STATUS_REVERTED)).orElse(null);
            differs(step.stepKey(), "call_tx status", String.valueOf(step.callStatus()), onChain, findings);
            differs(step.stepKey(), "call_tx block", String.valueOf(step.callBlock()), String.valueOf(receipt.blockNumber()), findings);
        });
    }

    /** The engine's order (step block, then time) must be the chain's sequence order. */
    private static void checkOrder(Map<String, Long> sequences, List<Finding> findings) {
        List<String> engineOrder = new ArrayList<>(sequences.keySet());
        List<String> chainOrder = sequences.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
        for (int i = 0; i < engineOrder.size(); i++) {
            if (!engineOrder.get(i).equals(chainOrder.get(i))) {
                findings.add(new Finding(Kind.REORDERED, engineOrder.get(i), "sequence", "position " + (i + 1),
                        "sequence " + sequences.get(engineOrder.get(i)) + ", position " + (chainOrder.indexOf(engineOrder.get(i)) + 1)));
            }
        }
    }

    /** Steps the chain recorded for this case that the record has no step for. */
    private static void checkExtra(String caseId, Set<String> known, List<StepEvent> events, List<Finding> findings) {
        for (StepEvent event : events) {
            StepRecorded e = event.step();
            if (!known.contains(caseId + "/" + e.activityInstanceId())) {
                findings.add(new Finding(Kind.EXTRA, caseId + "/" + e.activityInstanceId(), "step", null, "sequence "
                        + e.sequence() + ", kind " + e.kind() + ", result " + Numeric.toHexString(e.resultHash())
                        + ", tx " + event.transactionHash()));
            }
        }
    }

    static void differs(String subject, String field, String engine, String chain, List<Finding> findings) {
        if (engine == null ? chain != null : !engine.equalsIgnoreCase(chain)) {
            findings.add(new Finding(Kind.ALTERED, subject, field, engine, chain));
        }
    }

    static String hex(String value) {
        return value == null ? null : (value.startsWith("0x") ? value : "0x" + value).toLowerCase();
    }
}
