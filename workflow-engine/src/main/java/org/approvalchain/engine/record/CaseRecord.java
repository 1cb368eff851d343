package org.approvalchain.engine.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The case record: every step of every case with its chain evidence ({@code ac_case_step}) and
 * every signed decision ({@code ac_decision}). The one place these tables are read and written;
 * publishes {@link StepRecorded} and {@link DecisionRecorded} in the writing transaction.
 */
@Repository
public class CaseRecord {

    private static final String STEPS = "SELECT * FROM ac_case_step WHERE case_id = ? ORDER BY step_block, recorded_at";

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    CaseRecord(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Adds a step recorded on chain. */
    public void add(CaseStep s) {
        jdbc.update("INSERT INTO ac_case_step (step_key, case_id, activity_id, activity_name, visit, kind, contract_name, "
                        + "function_name, inputs_hash, result_hash, result_json, call_tx_hash, call_block, call_status, "
                        + "revert_reason, step_tx_hash, step_block, actor, recorded_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.stepKey(), s.caseId(), s.activityId(), s.activityName(), s.visit(), s.kind().name(), s.contract(),
                s.function(), s.inputsHash(), s.resultHash(), s.resultJson(), s.callTxHash(), s.callBlock(),
                s.callStatus(), s.revertReason(), s.stepTxHash(), s.stepBlock(), s.actor(), Timestamp.from(s.recordedAt()));
        events.publishEvent(new StepRecorded(s));
    }

    /**
     * The highest visit of {@code activityId} among the case's steps, 0 when it has none: a step's
     * visit is one more (a step rolled back with its job left no row, so its retry counts the same
     * visit again).
     */
    public int lastVisit(String caseId, String activityId) {
        return jdbc.queryForObject("SELECT COALESCE(MAX(visit), 0) FROM ac_case_step WHERE case_id = ? AND activity_id = ?",
                Integer.class, caseId, activityId);
    }

    /** The case's steps in chain order (block, then time). */
    public List<CaseStep> steps(String caseId) {
        return jdbc.query(STEPS, CaseRecord::step, caseId);
    }

    /**
     * Keeps a newly signed decision (state SIGNED); returns the decision kept for its task, which is
     * an earlier one when the task had a decision kept already.
     */
    public KeptDecision keep(KeptDecision d) {
        try {
            jdbc.update("INSERT INTO ac_decision (task_id, case_id, activity_id, approver_id, decision, reasons, payload, "
                            + "payload_sm3, signature_b64, public_key_hex, case_state, state, signed_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    d.taskId(), d.caseId(), d.activityId(), d.approverId(), d.decision(), d.reasons(), d.payload(),
                    d.payloadSm3(), d.signatureBase64(), d.publicKeyHex(), d.caseState(), d.state(),
                    Timestamp.from(d.signedAt()));
            return d;
        } catch (DuplicateKeyException already) {
            return decision(d.taskId()).orElseThrow(() -> already);
        }
    }

    /** The decision kept for a task, in whatever state. */
    public Optional<KeptDecision> decision(String taskId) {
        return jdbc.query("SELECT * FROM ac_decision WHERE task_id = ?", CaseRecord::decision, taskId).stream().findFirst();
    }

    /** The case's decisions, in whatever state, in chain order. */
    public List<KeptDecision> decisions(String caseId) {
        return jdbc.query("SELECT * FROM ac_decision WHERE case_id = ? ORDER BY decision_block, signed_at",
                CaseRecord::decision, caseId);
    }

    /** The decisions an approver signed, newest first, at most {@code limit}. */
    public List<KeptDecision> decisionsBy(String approverId, int limit) {
        return jdbc.query("SELECT * FROM ac_decision WHERE approver_id = ? ORDER BY signed_at DESC LIMIT ?",
                CaseRecord::decision, approverId, limit);
    }

    /** Tasks whose signed decision is kept but not yet recorded on chain. */
    public List<String> signedTaskIds() {
        return jdbc.queryForList("SELECT task_id FROM ac_decision WHERE state = 'SIGNED'", String.class);
    }

    /** Whether the task's decision is recorded on chain. */
    public boolean isRecorded(String taskId) {
        return !jdbc.queryForList("SELECT task_id FROM ac_decision WHERE task_id = ? AND state = 'RECORDED'", String.class,
                taskId).isEmpty();
    }

    /**
     * Marks a kept decision RECORDED with its {@code DecisionRegistry} transaction. Only one caller
     * can: the row lock makes a concurrent one wait and then find nothing to do (false).
     */
    public boolean markRecorded(String taskId, String txHash, long block) {
        boolean marked = jdbc.update("UPDATE ac_decision SET state = 'RECORDED', decision_tx_hash = ?, decision_block = ?, "
                + "recorded_at = ? WHERE task_id = ? AND state = 'SIGNED'", txHash, block, Timestamp.from(Instant.now()), taskId) > 0;
        if (marked) {
            events.publishEvent(new DecisionRecorded(decision(taskId).orElseThrow()));
        }
        return marked;
    }

    /** Does the record hold any step or decision of this case? */
    public boolean knows(String caseId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ac_case_step WHERE case_id = ?", Long.class, caseId) > 0
                || jdbc.queryForObject("SELECT COUNT(*) FROM ac_decision WHERE case_id = ?", Long.class, caseId) > 0;
    }

    /** Every case the record holds steps or decisions of. */
    public List<String> caseIds() {
        return jdbc.queryForList("SELECT case_id FROM ac_case_step UNION SELECT case_id FROM ac_decision ORDER BY case_id",
                String.class);
    }

    private static CaseStep step(ResultSet rs, int n) throws SQLException {
        return new CaseStep(rs.getString("step_key"), rs.getString("case_id"), rs.getString("activity_id"),
                rs.getString("activity_name"), rs.getInt("visit"), CaseStep.Kind.valueOf(rs.getString("kind")),
                rs.getString("contract_name"), rs.getString("function_name"), rs.getString("inputs_hash"),
                rs.getString("result_hash"), rs.getString("result_json"), rs.getString("call_tx_hash"),
                rs.getObject("call_block", Long.class), rs.getObject("call_status", Integer.class),
                rs.getString("revert_reason"), rs.getString("step_tx_hash"), rs.getLong("step_block"),
                rs.getString("actor"), rs.getTimestamp("recorded_at").toInstant());
    }

    private static KeptDecision decision(ResultSet rs, int n) throws SQLException {
        Timestamp recordedAt = rs.getTimestamp("recorded_at");
        return new KeptDecision(rs.getString("task_id"), rs.getString("case_id"), rs.getString("activity_id"),
                rs.getString("approver_id"), rs.getString("decision"), rs.getString("reasons"), rs.getString("payload"),
                rs.getString("payload_sm3"), rs.getString("signature_b64"), rs.getString("public_key_hex"),
                rs.getString("case_state"), rs.getString("state"), rs.getString("decision_tx_hash"),
                rs.getObject("decision_block", Long.class), rs.getTimestamp("signed_at").toInstant(),
                recordedAt == null ? null : recordedAt.toInstant());
    }
}
