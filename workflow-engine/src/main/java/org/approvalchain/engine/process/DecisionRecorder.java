package org.approvalchain.engine.process;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.approvalchain.contracts.DecisionRegistryContract;
import org.approvalchain.engine.chain.CaseChain;
import org.approvalchain.engine.chain.CaseChain.CaseOnChain;
import org.approvalchain.engine.chain.CrashPoint;
import org.approvalchain.engine.chain.FaultInjection;
import org.approvalchain.engine.database.EmbeddedStore;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.approvalchain.engine.record.CaseRecord;
import org.approvalchain.engine.record.CaseStep;
import org.approvalchain.engine.record.KeptDecision;
import org.approvalchain.engine.signing.ApproverKey;
import org.approvalchain.engine.signing.DecisionPayload;
import org.approvalchain.engine.signing.VerifiedDecision;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a verified decision exactly once, and never loses one: (1) the signed decision is kept
 * in the case record (state SIGNED) in a transaction of its own, written to the database's file
 * ({@link EmbeddedStore}) before anything else; (2) it goes to {@code
 * DecisionRegistry} and its step to {@code CaseLedger}, in one chain transaction through the
 * chain's journal; (3) in one
 * transaction the decision becomes RECORDED, the step joins the case and the task completes. A
 * crash anywhere is repaired by {@link #recoverPending()}, at start-up and then periodically.
 */
@Component
class DecisionRecorder {

    private static final Logger log = LoggerFactory.getLogger(DecisionRecorder.class);

    private final CaseRecord record;
    private final TransactionTemplate inTransaction;
    private final TransactionTemplate separately;
    private final CaseChain caseChain;
    private final TaskService tasks;
    private final FaultInjection faults;
    private final EmbeddedStore store;
    private final TimeLimitExtensions extensions;
    private final DeployedDefinitions definitions;
    private final CaseReads reads;
    /** Tasks whose decision a thread of this engine is recording now: the request and the recovery must not both. */
    private final Set<String> recording = ConcurrentHashMap.newKeySet();

    DecisionRecorder(CaseRecord record, PlatformTransactionManager transactions, CaseChain caseChain, TaskService tasks,
                     FaultInjection faults, TimeLimitExtensions extensions, DeployedDefinitions definitions, CaseReads reads,
                     EmbeddedStore store) {
        this.store = store;
        this.reads = reads;
        this.record = record;
        this.inTransaction = new TransactionTemplate(transactions);
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.caseChain = caseChain;
        this.tasks = tasks;
        this.faults = faults;
        this.extensions = extensions;
        this.definitions = definitions;
    }

    /**
     * Records the verified decision, keeping with it the case-state document (canonical JSON) its
     * payload covers. The same decision submitted while it is being recorded is answered with its status.
     */
    DecisionStatus record(VerifiedDecision verified, String caseState) {
        DecisionPayload p = verified.payload();
        // claimed before it is kept, so that the periodic recovery never takes a decision this request is recording
        if (!recording.add(p.taskId())) {
            return record.decision(p.taskId()).filter(kept -> kept.payloadSm3().equals(verified.payloadSm3()))
                    .map(this::status).orElseThrow(() -> new CaseException(CaseException.Kind.CONFLICT,
                            "DECISION-006 the signed decision of task " + p.taskId() + " is being recorded right now"));
        }
        try {
            KeptDecision kept = separately.execute(s -> record.keep(KeptDecision.signed(p.taskId(), p.caseId(),
                    p.activityId(), verified.approverId(), p.decision().name(), p.reasons(),
                    new String(p.canonicalBytes(), StandardCharsets.UTF_8), verified.payloadSm3(), verified.signatureBase64(),
                    verified.key().pointHex(), caseState)));
            if (!kept.payloadSm3().equals(verified.payloadSm3())) {
                throw new CaseException(CaseException.Kind.CONFLICT, "DECISION-006 task " + p.taskId()
                        + " already has a signed decision being recorded (payload " + kept.payloadSm3() + ")");
            }
            // a kept decision survives a crash from here on: the recovery finishes it, answered or not
            store.writeBefore("the signed decision of task " + p.taskId() + " goes on");
            faults.reach(CrashPoint.DECISION_KEPT, p.caseId() + "/task/" + p.taskId());
            try {
                return DecisionStatus.recorded(recordKept(kept, p));
            } catch (SuspendedEntityInteractionException suspendedMeanwhile) {
                // kept: the recovery records it once an administrator activates the case again
                return DecisionStatus.beingRecorded(p.taskId());
            }
        } finally {
            recording.remove(p.taskId());
        }
    }

    /**
     * The status of the decision kept for the task when {@code userId} submits it again, exactly as
     * kept (the same payload and signature): a client's retry after it lost the first answer.
     */
    Optional<DecisionStatus> resubmitted(String taskId, String payload, String signatureBase64, String userId) {
        return record.decision(taskId).filter(kept -> kept.approverId().equals(userId) && kept.payload().equals(payload)
                && kept.signatureBase64().equals(signatureBase64)).map(this::status);
    }

    /** The decision kept for the task, if any. */
    Optional<KeptDecision> kept(String taskId) {
        return record.decision(taskId);
    }

    /** A kept decision's status: its receipt once on chain (the step it recorded found in the case record). */
    DecisionStatus status(KeptDecision kept) {
        if (!kept.recorded()) {
            return DecisionStatus.beingRecorded(kept.taskId());
        }
        CaseStep step = record.steps(kept.caseId()).stream()
                .filter(s -> kept.decisionTxHash().equalsIgnoreCase(s.callTxHash())).findFirst()
                .orElseThrow(() -> new IllegalStateException("DECISION-104 decision of task " + kept.taskId()
                        + " is recorded without its step"));
        return DecisionStatus.recorded(new DecisionReceipt(kept.taskId(), kept.caseId(), kept.approverId(), kept.decision(),
                kept.payloadSm3(), kept.decisionTxHash(), kept.decisionBlock(), step.stepTxHash(), step.stepBlock()));
    }

    /** Finishes every kept decision whose task is still open (after a crash or a chain outage). */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${approvalchain.decisions.recovery-interval:PT30S}")
    void recoverPending() {
        for (String taskId : record.signedTaskIds()) {
            if (!recording.add(taskId)) {
                continue;
            }
            try {
                if (tasks.createTaskQuery().taskId(taskId).count() > 0) {
                    KeptDecision kept = record.decision(taskId).orElseThrow();
                    // the request that kept it may have failed before the kept decision was in the file:
                    // its transaction may go ahead of the database's file (a later write of the case)
                    store.writeBefore("the signed decision of task " + taskId + " is recovered");
                    recordKept(kept, DecisionPayload.parse(kept.payload().getBytes(StandardCharsets.UTF_8)));
                    log.info("DECISION-101 recovered the signed decision of task {}", taskId);
                }
            } catch (RuntimeException e) {
                log.warn("DECISION-102 signed decision of task {} not recorded yet: {}", taskId, e.getMessage());
            } finally {
                recording.remove(taskId);
            }
        }
    }

    private DecisionReceipt recordKept(KeptDecision kept, DecisionPayload payload) {
        String taskId = kept.taskId();
        String caseId = kept.caseId();
        Task task = reads.linkedTask(taskId).map(LinkedTask::task).orElseThrow(() -> new CaseException(CaseException.Kind.NOT_FOUND,
                "TASK-001 task " + taskId + " is no longer open"));
        Map<String, Object> taskVariables = reads.taskVariables(task);
        int visit = CaseContext.taskVisit(taskVariables, kept.activityId());
        String activityInstance = CaseContext.activityInstance(kept.activityId(), visit);
        String department = definitions.department(payload.processDefinitionId(), kept.activityId());
        CaseOnChain kase = CaseContext.onChain(caseId, payload.processDefinitionId(), payload.processVersion(),
                taskVariables.get(CaseContext.APPLICANT_HASH));
        // one transaction from the chain write on: the journal's note of the receipt commits with the
        // decision marked RECORDED and the task completed, not on its own (the journal entry itself
        // is committed before the send, in a transaction of its own)
        TransactionReceipt onChain = inTransaction.execute(s -> {
            TransactionReceipt receipt = caseChain.recordDecision(kase, department, activityInstance, taskId,
                    kept.approverId(), ApproverKey.fromPointHex(kept.publicKeyHex()).encodedPoint(),
                    DecisionRegistryContract.Decision.valueOf(kept.decision()), kept.payloadSm3(),
                    Base64.getDecoder().decode(kept.signatureBase64()));
            faults.reach(CrashPoint.DECISION_ON_CHAIN, caseId + "/task/" + taskId);
            // Only one path may finish a decision: the submission, the recovery, or another node's
            // recovery. The record lets exactly one mark it RECORDED; the others find nothing to do.
            if (record.markRecorded(taskId, receipt.transactionHash(), receipt.blockNumber())) {
                record.add(new CaseStep(caseId + "/" + activityInstance, caseId, kept.activityId(), task.getName(), visit,
                        CaseStep.Kind.MANUAL, DecisionRegistryContract.NAME, "recordDecision", kept.payloadSm3(),
                        kept.payloadSm3(), null, receipt.transactionHash(), receipt.blockNumber(), receipt.status(), null,
                        receipt.transactionHash(), receipt.blockNumber(), kept.approverId(), Instant.now()));
                extensions.apply(task, kept.decision());
                tasks.complete(taskId, Map.of("decision", kept.decision(), "decisionReasons", String.valueOf(kept.reasons()),
                        "decidedBy", kept.approverId()));
            }
            return receipt;
        });
        return new DecisionReceipt(taskId, caseId, kept.approverId(), kept.decision(), kept.payloadSm3(),
                onChain.transactionHash(), onChain.blockNumber(), onChain.transactionHash(), onChain.blockNumber());
    }
}
