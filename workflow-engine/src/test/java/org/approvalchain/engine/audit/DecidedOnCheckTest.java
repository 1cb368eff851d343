package org.approvalchain.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.approvalchain.engine.audit.Verification.Finding;
import org.approvalchain.engine.audit.Verification.Kind;
import org.approvalchain.engine.chain.CorrectionsDocument;
import org.approvalchain.engine.record.KeptDecision;
import org.approvalchain.engine.signing.CaseStateDocument;
import org.approvalchain.engine.signing.Decision;
import org.approvalchain.engine.signing.DecisionPayload;
import org.junit.jupiter.api.Test;

class DecidedOnCheckTest {

    private static final String HASH = "0x" + "ab".repeat(32);
    private static final String M1 = "0x" + "01".repeat(32);
    private static final String M2 = "0x" + "02".repeat(32);
    private static final CaseStateDocument DECIDED_ON = new CaseStateDocument("case-1",
            Map.of("enterpriseName", "北京西岭科技有限公司", "materialsSubmitted", 5L), HASH, List.of(M2, M1), List.of());
    private static final Map<String, String> NOW = Map.of("enterpriseName", "北京西岭科技有限公司", "materialsSubmitted", "5",
            "applicantHash", HASH, "materialHashes", M1 + "," + M2, "materialsComplete", "true");
    private static final Set<String> DECLARED = Set.of("enterpriseName", "materialsSubmitted");

    @Test
    void aCaseAsItsLatestDecisionWasTakenOnIsClean() {
        assertThat(DecidedOnCheck.check(decision("APPROVE"), DECLARED, NOW, Optional.empty())).isEmpty();
    }

    @Test
    void reportsEachDeclaredFieldTheApplicantsHashAndTheMaterialsChangedSince() {
        Map<String, String> edited = new HashMap<>(NOW);
        edited.put("enterpriseName", "北京东岭科技有限公司");
        edited.put("applicantHash", "0x" + "cd".repeat(32));
        edited.put("materialHashes", M1);

        assertThat(DecidedOnCheck.check(decision("REJECT"), DECLARED, edited, Optional.empty())).containsExactly(
                new Finding(Kind.ALTERED, "task-1", "decided on enterpriseName", "北京东岭科技有限公司", "北京西岭科技有限公司"),
                new Finding(Kind.ALTERED, "task-1", "decided on applicantHash", "0x" + "cd".repeat(32), HASH),
                new Finding(Kind.ALTERED, "task-1", "decided on materialHashes", M1, M1 + "," + M2));
    }

    @Test
    void correctionsAfterAReturnForCorrectionAndUndeclaredFieldsAreNotCompared() {
        Map<String, String> corrected = new HashMap<>(NOW);
        corrected.put("enterpriseName", "北京东岭科技有限公司");
        assertThat(DecidedOnCheck.check(decision("RETURN_FOR_CORRECTION"), DECLARED, corrected, Optional.empty())).isEmpty();
        assertThat(DecidedOnCheck.check(decision("APPROVE"), Set.of("materialsSubmitted"), corrected, Optional.empty())).isEmpty();
    }

    @Test
    void fieldsTheApplicantCorrectedAfterTheDecisionAreNotComparedTheRestIs() {
        // an automatic step returned the case for correction after the decision (a certificate no authority anchored)
        KeptDecision approved = decision("APPROVE");
        Map<String, String> corrected = new HashMap<>(NOW);
        corrected.put("enterpriseName", "北京东岭科技有限公司");
        corrected.put("applicantHash", "0x" + "cd".repeat(32));
        assertThat(DecidedOnCheck.check(approved, DECLARED, corrected, corrections(approved.signedAt().toEpochMilli() + 1)))
                .containsExactly(new Finding(Kind.ALTERED, "task-1", "decided on applicantHash", "0x" + "cd".repeat(32), HASH));

        Finding edited = new Finding(Kind.ALTERED, "task-1", "decided on enterpriseName", "北京东岭科技有限公司", "北京西岭科技有限公司");
        assertThat(DecidedOnCheck.check(approved, DECLARED, corrected, corrections(approved.signedAt().toEpochMilli() - 1)))
                .contains(edited);
        // a corrections time the chain does not confirm (CorrectionsCheck) passes no field as corrected
        assertThat(DecidedOnCheck.check(approved, DECLARED, corrected, Optional.empty())).contains(edited);
    }

    private static Optional<CorrectionsDocument> corrections(long submittedAt) {
        return Optional.of(new CorrectionsDocument("case-1", Map.of("enterpriseName", "北京东岭科技有限公司"), null, "applicant",
                submittedAt));
    }

    @Test
    void aDocumentThatIsNotTheOneSignedIsLeftToTheCaseStateCheck() {
        KeptDecision approved = decision("APPROVE");
        KeptDecision edited = KeptDecision.signed("task-1", "case-1", "Activity_OfficerReview", "chen.jie", "APPROVE", "理由",
                approved.payload(), "0x00", "sig", "04ab", approved.caseState().replace("西岭", "东岭"));
        assertThat(DecidedOnCheck.check(edited, DECLARED, NOW, Optional.empty())).isEmpty();
    }

    /** A decision kept with {@link #DECIDED_ON} and a payload that carries its hash, as signed. */
    private static KeptDecision decision(String decision) {
        DecisionPayload payload = new DecisionPayload("case-1", "task-1", "Activity_OfficerReview", "business-registration:1:1", 1,
                Decision.valueOf(decision), "理由", DECIDED_ON.materialHashes(), DECIDED_ON.sm3Hex(),
                Instant.parse("2026-12-07T08:00:00Z"));
        return KeptDecision.signed("task-1", "case-1", "Activity_OfficerReview", "chen.jie", decision, "理由",
                new String(payload.canonicalBytes(), StandardCharsets.UTF_8), payload.sm3Hex(), "sig", "04ab",
                DECIDED_ON.canonicalText());
    }
}
