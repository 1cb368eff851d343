package org.approvalchain.engine.audit;

import static org.approvalchain.engine.audit.CaseVerifier.differs;
import static org.approvalchain.engine.audit.CaseVerifier.hex;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.approvalchain.contracts.DecisionRegistryContract;
import org.approvalchain.contracts.DecisionRegistryContract.DecisionRecord;
import org.approvalchain.engine.audit.Verification.Finding;
import org.approvalchain.engine.audit.Verification.Kind;
import org.approvalchain.engine.ledger.CallResult;
import org.approvalchain.engine.ledger.DeployedContracts;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.signing.ApproverKey;
import org.approvalchain.engine.signing.DecisionPayload;
import org.approvalchain.engine.signing.DecisionSignatureVerifier;
import org.web3j.utils.Numeric;

/**
 * One kept decision ({@code ac_decision}) against {@code DecisionRegistry}: the same payload hash,
 * signature, approver, decision and key on chain; the kept payload hashing to its SM3 and stating
 * the kept reasons; and the kept signature verifying over the kept payload.
 */
final class DecisionCheck {

    private final Ledger ledger;
    private final DeployedContracts contracts;
    private final DecisionRegistryContract registry;

    DecisionCheck(Ledger ledger, DeployedContracts contracts) {
        this.ledger = ledger;
        this.contracts = contracts;
        this.registry = new DecisionRegistryContract(contracts.codec());
    }

    List<Finding> check(String caseId, ResultSet rs) throws SQLException {
        String taskId = rs.getString("task_id");
        List<Finding> findings = new ArrayList<>();
        CallResult result = ledger.call(null, contracts.address(DecisionRegistryContract.NAME), registry.getDecision(caseId, taskId));
        Optional<DecisionRecord> onChain = result.succeeded() ? registry.decodeDecision(result.output()) : Optional.empty();
        if (onChain.isEmpty()) {
            findings.add(new Finding(Kind.MISSING, taskId, "decision", rs.getString("decision") + " by "
                    + rs.getString("approver_id") + ", payload " + rs.getString("payload_sm3"), null));
        } else {
            DecisionRecord chain = onChain.get();
            differs(taskId, "payload_sm3", hex(rs.getString("payload_sm3")), Numeric.toHexString(chain.payloadHash()), findings);
            differs(taskId, "signature", rs.getString("signature_b64"), Base64.getEncoder().encodeToString(chain.signature()), findings);
            differs(taskId, "approver_id", rs.getString("approver_id"), chain.approverId(), findings);
            differs(taskId, "decision", rs.getString("decision"), chain.decision().name(), findings);
            differs(taskId, "public_key", pointHex(rs.getString("public_key_hex")), Numeric.toHexString(chain.approverPublicKey()),
                    findings);
        }
        checkPayload(taskId, rs, findings);
        return findings;
    }

    private static void checkPayload(String taskId, ResultSet rs, List<Finding> findings) throws SQLException {
        byte[] bytes = rs.getString("payload").getBytes(StandardCharsets.UTF_8);
        try {
            DecisionPayload payload = DecisionPayload.parse(bytes);
            differs(taskId, "payload", hex(rs.getString("payload_sm3")), payload.sm3Hex(), findings);
            String reasons = rs.getString("reasons") == null ? "" : rs.getString("reasons");
            if (!reasons.equals(payload.reasons())) {
                findings.add(new Finding(Kind.ALTERED, taskId, "reasons", reasons, payload.reasons()));
            }
        } catch (RuntimeException notCanonical) {
            findings.add(new Finding(Kind.ALTERED, taskId, "payload", rs.getString("payload"), notCanonical.getMessage()));
        }
        try {
            DecisionSignatureVerifier.verifySignature(ApproverKey.fromPointHex(rs.getString("public_key_hex")), bytes,
                    rs.getString("signature_b64"));
        } catch (RuntimeException doesNotVerify) {
            findings.add(new Finding(Kind.INVALID_SIGNATURE, taskId, "signature", rs.getString("signature_b64"),
                    doesNotVerify.getMessage()));
        }
    }

    private static String pointHex(String hex) {
        try {
            return ApproverKey.fromPointHex(hex).pointHex();
        } catch (RuntimeException notAKey) {
            return hex;
        }
    }
}
