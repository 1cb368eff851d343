package org.approvalchain.engine.process;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.approvalchain.contracts.CaseLedgerContract.StepKind;
import org.approvalchain.contracts.DecisionRegistryContract;
import org.approvalchain.engine.ledger.CrashPoint;
import org.approvalchain.engine.ledger.CrashPoints;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.approvalchain.engine.signing.ApproverKey;
import org.approvalchain.engine.signing.DecisionPayload;
import org.approvalchain.engine.signing.VerifiedDecision;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a verified decision exactly once, and never loses one: (1) the signed decision is kept
 * ({@code ac_decision}, state SIGNED) in a transaction of its own; (2) it goes to {@code
 * DecisionRegistry} and its step to {@code CaseLedger} through the chain writer's journal; (3) in
 * one transaction the decision becomes RECORDED, the step joins the case and the task completes.
 * A crash anywhere is repaired by {@link #recoverPending()}, at start-up and then periodically.
 */
@Component
class DecisionRecorder {

    private static final Logger log = LoggerFactory.getLogger(DecisionRecorder.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate inTransaction;
    private final TransactionTemplate separately;
    private final CaseChain caseChain;
    private final CaseSteps steps;
    private final TaskService tasks;
    private final CrashPoints crash;
    /** Tasks whose decision a thread of this engine is recording now: the request and the recovery must not both. */
    private final Set<String> recording = ConcurrentHashMap.newKeySet();

    DecisionRecorder(JdbcTemplate jdbc, PlatformTransactionManager transactions, CaseChain caseChain, CaseSteps steps,
                     TaskService tasks, CrashPoints crash) {
        this.jdbc = jdbc;
        this.inTransaction = new TransactionTemplate(transactions);
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.caseChain = caseChain;
        this.steps = steps;
        this.tasks = tasks;
        this.crash = crash;
    }

    DecisionRecord record(VerifiedDecision verified, String payloadText, String signatureBase64) {
        keep(verified, payloadText, signatureBase64);
        crash.reach(CrashPoint.DECISION_KEPT, verified.payload().caseId() + "/task/" + verified.payload().taskId());
        String taskId = verified.payload().taskId();
        if (!recording.add(taskId)) {
            throw new CaseException(CaseException.Kind.CONFLICT, "the signed decision of task " + taskId
                    + " is being recorded right now");
        }
        try {
            return recordKept(taskId);
        } finally {
            recording.remove(taskId);
        }
    }

    /** Finishes every kept decision whose task is still open (after a crash or a chain outage). */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${approvalchain.decisions.recovery-interval:PT30S}")
    void recoverPending() {
        for (String taskId : jdbc.queryForList("SELECT task_id FROM ac_decision WHERE state = 'SIGNED'", String.class)) {
            if (!recording.add(taskId)) {
                continue;
            }
            try {
                if (tasks.createTaskQuery().taskId(taskId).count() > 0) {
                    recordKept(taskId);
                    log.info("DECISION-101 recovered the signed decision of task {}", taskId);
                }
            } catch (RuntimeException e) {
                log.warn("DECISION-102 signed decision of task {} not recorded yet: {}", taskId, e.getMessage());
            } finally {
                recording.remove(taskId);
            }
        }
    }

    private void keep(VerifiedDecision v, String payloadText, String signatureBase64) {
        DecisionPayload p = v.payload();
        try {
            separately.executeWithoutResult(s -> jdbc.update("INSERT INTO ac_decision (task_id, case_id, activity_id, "
                            + "approver_id, decision, reasons, payload, payload_sm3, signature_b64, public_key_hex, state, signed_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SIGNED', ?)", p.taskId(), p.caseId(), p.activityId(),
                    v.approverId(), p.decision().name(), p.reasons(), payloadText, v.payloadSm3(), signatureBase64,
                    v.key().pointHex(), Timestamp.from(Instant.now())));
        } catch (DuplicateKeyException already) {
            String kept = jdbc.queryForObject("SELECT payload_sm3 FROM ac_decision WHERE task_id = ?", String.class, p.taskId());
            if (!v.payloadSm3().equals(kept)) {
                throw new CaseException(CaseException.Kind.CONFLICT, "task " + p.taskId()
                        + " already has a signed decision being recorded (payload " + kept + ")");
            }
        }
    }

    private DecisionRecord recordKept(String taskId) {
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM ac_decision WHERE task_id = ?", taskId);
        String caseId = (String) row.get("case_id");
        String activityId = (String) row.get("activity_id");
        String approver = (String) row.get("approver_id");
        String payloadSm3 = (String) row.get("payload_sm3");
        String decision = (String) row.get("decision");
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new CaseException(CaseException.Kind.NOT_FOUND, "task " + taskId + " is no longer open");
        }
        Object visits = tasks.getVariable(taskId, CaseContext.visitsVariable(activityId));
        int visit = visits instanceof Number n ? n.intValue() : 1;
        DecisionPayload payload = DecisionPayload.parse(((String) row.get("payload")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String activityInstance = CaseContext.activityInstance(activityId, visit);
        TransactionReceipt onChain = caseChain.recordDecision(caseId, taskId, approver,
                ApproverKey.fromPointHex((String) row.get("public_key_hex")).encodedPoint(), decision, payloadSm3,
                Base64.getDecoder().decode((String) row.get("signature_b64")));
        caseChain.ensureOpen(caseId, payload.processDefinitionId(), payload.processVersion(),
                String.valueOf(tasks.getVariable(taskId, CaseContext.APPLICANT_HASH)));
        TransactionReceipt step = caseChain.recordStep(caseId, activityInstance, StepKind.MANUAL, payloadSm3);
        crash.reach(CrashPoint.DECISION_ON_CHAIN, caseId + "/task/" + taskId);
        inTransaction.executeWithoutResult(s -> {
            // Only one path may finish a decision: the submission, the recovery, or another node's
            // recovery. The row lock makes a second one wait here and then find nothing to do.
            if (jdbc.update("UPDATE ac_decision SET state = 'RECORDED', decision_tx_hash = ?, decision_block = ?, "
                    + "recorded_at = ? WHERE task_id = ? AND state = 'SIGNED'", onChain.transactionHash(),
                    onChain.blockNumber(), Timestamp.from(Instant.now()), taskId) == 0) {
                return;
            }
            steps.add(new CaseStep(caseId + "/" + activityInstance, caseId, activityId, task.getName(), visit,
                    CaseStep.Kind.MANUAL, DecisionRegistryContract.NAME, "recordDecision", payloadSm3, payloadSm3,
                    null, onChain.transactionHash(), onChain.blockNumber(), onChain.status(), null,
                    step.transactionHash(), step.blockNumber(), approver, Instant.now()));
            tasks.complete(taskId, Map.of("decision", decision, "decisionReasons", String.valueOf(row.get("reasons")),
                    "decidedBy", approver));
        });
        return new DecisionRecord(taskId, caseId, approver, decision, payloadSm3, onChain.transactionHash(),
                onChain.blockNumber(), step.transactionHash(), step.blockNumber());
    }
}
