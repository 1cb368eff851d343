package org.approvalchain.engine.signing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Decision payloads for tests; {@link #approval()} is the worked example of docs/decision-payload.md. */
final class Payloads {

    static final String HASH_A = "0x" + "a".repeat(64);
    static final String HASH_B = "0x" + "0b".repeat(32);
    /** SM3 of the applicant {@code {"idNumber":"110101199001011234","name":"张三"}} in canonical JSON. */
    static final String APPLICANT_HASH = "0x7d6cd516d892c298210d640aeea6ddb0f909aea10f34ae5edd847b350d647391";
    /** SM3 of the step result {@code {"outputs":{"eligible":true},"status":1}}. */
    static final String RESULT_HASH = "0xe5d13d6d05232c53c0e5ae066fb9686c8cabd892eb897dc281dc3ed399c281ea";

    private Payloads() {
    }

    /** The case as the approver of the worked example saw it: two application fields, the applicant, two materials, one automatic step. */
    static CaseStateDocument caseState() {
        return new CaseStateDocument("case-2025-0001", Map.of("applicantAge", 30L, "licenceType", "食品经营许可证"),
                APPLICANT_HASH, List.of(HASH_A, HASH_B), List.of(new CaseStateDocument.Step("Activity_CheckEligibility#1",
                        "AUTOMATIC", "EligibilityRule", "check", RESULT_HASH)));
    }

    static DecisionPayload approval() {
        return new DecisionPayload("case-2025-0001", "task-7f3a", "Activity_ReviewMaterials", "business-licence:3:5f0e6a2c-7d41-4c1e-9a3b-0242ac120002", 3,
                Decision.APPROVE, "材料齐全，符合《行政许可法》第三十四条。", List.of(HASH_A, HASH_B), caseState().sm3Hex(),
                Instant.parse("2025-03-01T08:30:00.000Z"));
    }

    static DecisionPayload withDecision(DecisionPayload p, Decision decision) {
        return new DecisionPayload(p.caseId(), p.taskId(), p.activityId(), p.processDefinitionId(), p.processVersion(),
                decision, p.reasons(), p.materialHashes(), p.caseState(), p.issuedAt());
    }

    static DecisionPayload withReasons(DecisionPayload p, String reasons) {
        return new DecisionPayload(p.caseId(), p.taskId(), p.activityId(), p.processDefinitionId(), p.processVersion(),
                p.decision(), reasons, p.materialHashes(), p.caseState(), p.issuedAt());
    }

    /** The same decision in payload format 1, without {@code caseState}. */
    static DecisionPayload withoutCaseState(DecisionPayload p) {
        return new DecisionPayload(p.caseId(), p.taskId(), p.activityId(), p.processDefinitionId(), p.processVersion(),
                p.decision(), p.reasons(), p.materialHashes(), null, p.issuedAt());
    }
}
