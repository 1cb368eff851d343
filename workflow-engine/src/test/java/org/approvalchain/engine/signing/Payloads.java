package org.approvalchain.engine.signing;

import java.time.Instant;
import java.util.List;

/** Decision payloads for tests. */
final class Payloads {

    static final String HASH_A = "0x" + "a".repeat(64);
    static final String HASH_B = "0x" + "0b".repeat(32);

    private Payloads() {
    }

    static DecisionPayload approval() {
        return new DecisionPayload("case-2025-0001", "task-7f3a", "Activity_ReviewMaterials", "BusinessLicence", 3,
                Decision.APPROVE, "材料齐全，符合《行政许可法》第三十四条。", List.of(HASH_A, HASH_B),
                Instant.parse("2025-03-01T08:30:00.000Z"));
    }

    static DecisionPayload withDecision(DecisionPayload p, Decision decision) {
        return new DecisionPayload(p.caseId(), p.taskId(), p.activityId(), p.processDefinitionId(), p.processVersion(),
                decision, p.reasons(), p.materialHashes(), p.issuedAt());
    }

    static DecisionPayload withReasons(DecisionPayload p, String reasons) {
        return new DecisionPayload(p.caseId(), p.taskId(), p.activityId(), p.processDefinitionId(), p.processVersion(),
                p.decision(), reasons, p.materialHashes(), p.issuedAt());
    }
}
