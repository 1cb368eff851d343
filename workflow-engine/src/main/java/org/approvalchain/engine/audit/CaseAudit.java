package org.approvalchain.engine.audit;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.approvalchain.engine.ledger.ContractCode;
import org.approvalchain.engine.signing.ApproverKey;
import org.approvalchain.engine.signing.DecisionPayload;
import org.approvalchain.engine.signing.DecisionSignatureVerifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The audit trail of a case: its steps in chain order ({@code ac_case_step}), each manual step
 * joined with the signed decision it records ({@code ac_decision}), whose signature is verified
 * again, now, against the public key recorded with it.
 */
@Service
public class CaseAudit {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final ContractCode code;

    CaseAudit(JdbcTemplate jdbc, ContractCode code) {
        this.jdbc = jdbc;
        this.code = code;
    }

    public List<AuditEntry> trail(String caseId) {
        List<AuditEntry> entries = new ArrayList<>();
        jdbc.query("SELECT s.*, d.approver_id, d.decision, d.reasons, d.payload, d.payload_sm3, d.signature_b64, "
                + "d.public_key_hex FROM ac_case_step s LEFT JOIN ac_decision d ON d.decision_tx_hash = s.call_tx_hash "
                + "AND s.kind = 'MANUAL' WHERE s.case_id = ? ORDER BY s.step_block, s.recorded_at",
                rs -> {
                    entries.add(entry(entries.size() + 1, rs));
                }, caseId);
        return entries;
    }

    private AuditEntry entry(int sequence, ResultSet rs) throws SQLException {
        boolean manual = "MANUAL".equals(rs.getString("kind"));
        String result = rs.getString("result_json");
        String contract = manual ? null : rs.getString("contract_name");
        return new AuditEntry(sequence, rs.getString("step_key"), rs.getString("activity_id"), rs.getString("activity_name"),
                rs.getString("kind"), rs.getString("contract_name"), code.address(contract), code.sm3(contract),
                rs.getString("function_name"),
                rs.getString("inputs_hash"), result, manual ? null : ruleVersion(result), rs.getString("call_tx_hash"),
                rs.getObject("call_block", Long.class), rs.getObject("call_status", Integer.class), rs.getString("revert_reason"),
                rs.getString("approver_id"), rs.getString("decision"), rs.getString("reasons"), rs.getString("payload_sm3"),
                rs.getString("signature_b64"), manual ? verifies(rs) : null, rs.getString("step_tx_hash"),
                rs.getLong("step_block"), rs.getTimestamp("recorded_at").toInstant());
    }

    /** The version a rule contract reported with its result ({@code version} or {@code ruleVersion}), if any. */
    private static Long ruleVersion(String resultJson) {
        if (resultJson == null) {
            return null;
        }
        try {
            JsonNode outputs = JSON.readTree(resultJson).path("outputs");
            JsonNode version = outputs.has("ruleVersion") ? outputs.get("ruleVersion") : outputs.get("version");
            return version != null && version.canConvertToLong() ? version.asLong() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Does the kept signature verify over the kept payload, with the key recorded with it, and hash to its SM3? */
    private static boolean verifies(ResultSet rs) throws SQLException {
        String payload = rs.getString("payload");
        if (payload == null) {
            return false;
        }
        try {
            byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
            DecisionSignatureVerifier.verifySignature(ApproverKey.fromPointHex(rs.getString("public_key_hex")), bytes,
                    rs.getString("signature_b64"));
            return DecisionPayload.parse(bytes).sm3Hex().equals(rs.getString("payload_sm3"));
        } catch (RuntimeException doesNotVerify) {
            return false;
        }
    }
}
