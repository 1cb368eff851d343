package org.approvalchain.engine.process;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The steps of each case with their chain evidence ({@code ac_case_step}). */
@Repository
class CaseSteps {

    private final JdbcTemplate jdbc;

    CaseSteps(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(CaseStep s) {
        jdbc.update("INSERT INTO ac_case_step (step_key, case_id, activity_id, activity_name, visit, kind, contract_name, "
                        + "function_name, inputs_hash, result_hash, result_json, call_tx_hash, call_block, call_status, "
                        + "revert_reason, step_tx_hash, step_block, actor, recorded_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.stepKey(), s.caseId(), s.activityId(), s.activityName(), s.visit(), s.kind().name(), s.contract(),
                s.function(), s.inputsHash(), s.resultHash(), s.resultJson(), s.callTxHash(), s.callBlock(),
                s.callStatus(), s.revertReason(), s.stepTxHash(), s.stepBlock(), s.actor(), Timestamp.from(s.recordedAt()));
    }

    List<CaseStep> ofCase(String caseId) {
        return jdbc.query("SELECT * FROM ac_case_step WHERE case_id = ? ORDER BY step_block, recorded_at", CaseSteps::row, caseId);
    }

    private static CaseStep row(ResultSet rs, int n) throws SQLException {
        return new CaseStep(rs.getString("step_key"), rs.getString("case_id"), rs.getString("activity_id"),
                rs.getString("activity_name"), rs.getInt("visit"), CaseStep.Kind.valueOf(rs.getString("kind")),
                rs.getString("contract_name"), rs.getString("function_name"), rs.getString("inputs_hash"),
                rs.getString("result_hash"), rs.getString("result_json"), rs.getString("call_tx_hash"),
                (Long) rs.getObject("call_block", Long.class), (Integer) rs.getObject("call_status", Integer.class),
                rs.getString("revert_reason"), rs.getString("step_tx_hash"), rs.getLong("step_block"),
                rs.getString("actor"), rs.getTimestamp("recorded_at").toInstant());
    }
}
