package org.approvalchain.engine.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.approvalchain.engine.chain.ContractCode;
import org.approvalchain.engine.chain.Departments;
import org.approvalchain.engine.record.CaseRecord;
import org.approvalchain.engine.record.CaseStep;
import org.approvalchain.engine.record.KeptDecision;
import org.springframework.stereotype.Service;

/**
 * The audit trail of a case: its steps in chain order, each manual step joined with the signed
 * decision it records, whose signature is verified again, now, against the key recorded with it.
 */
@Service
public class CaseAudit {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CaseRecord record;
    private final ContractCode code;
    private final Departments departments;

    CaseAudit(CaseRecord record, ContractCode code, Departments departments) {
        this.record = record;
        this.code = code;
        this.departments = departments;
    }

    public List<AuditEntry> trail(String caseId) {
        Map<String, KeptDecision> byTransaction = record.decisions(caseId).stream()
                .filter(d -> d.decisionTxHash() != null)
                .collect(Collectors.toMap(KeptDecision::decisionTxHash, Function.identity(), (a, b) -> a));
        List<AuditEntry> entries = new ArrayList<>();
        for (CaseStep step : record.steps(caseId)) {
            KeptDecision decision = step.kind() == CaseStep.Kind.MANUAL ? byTransaction.get(step.callTxHash()) : null;
            entries.add(entry(entries.size() + 1, step, decision));
        }
        return entries;
    }

    private AuditEntry entry(int sequence, CaseStep s, KeptDecision d) {
        boolean manual = s.kind() == CaseStep.Kind.MANUAL;
        // a manual step names DecisionRegistry, where its signed decision is, with its address and code
        return new AuditEntry(sequence, s.stepKey(), s.activityId(), s.activityName(), s.kind().name(), s.contract(),
                code.address(s.contract()), code.sm3(s.contract()), s.function(), s.inputsHash(), s.resultJson(),
                manual ? null : ruleVersion(s.resultJson()), s.callTxHash(), s.callBlock(), s.callStatus(),
                s.revertReason(), d == null ? null : d.approverId(), d == null ? null : d.decision(),
                d == null ? null : d.reasons(), d == null ? null : d.payloadSm3(), d == null ? null : d.signatureBase64(),
                manual ? d != null && DecisionCheck.inItself(d).isEmpty() : null, s.stepTxHash(), s.stepBlock(),
                s.recordedAt(), departments.sentBy(s.callTxHash()).orElse(null));
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
        } catch (IOException e) {
            return null;
        }
    }
}
