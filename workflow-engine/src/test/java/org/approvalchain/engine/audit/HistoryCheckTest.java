package org.approvalchain.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.approvalchain.engine.audit.CaseHistory.GuardedTask;
import org.approvalchain.engine.audit.Verification.Finding;
import org.approvalchain.engine.audit.Verification.Kind;
import org.approvalchain.engine.record.KeptDecision;
import org.junit.jupiter.api.Test;

class HistoryCheckTest {

    private static final String REVIEW = "Activity_OfficerReview";

    @Test
    void aCaseWithoutSignedDecisionsOrDecisionVariablesIsClean() {
        assertThat(HistoryCheck.check(List.of(), Map.of(), Set.of(), Map.of())).isEmpty();
    }

    @Test
    void reportsADecisionTheCaseShowsThatNoSignedDecisionMade() {
        // what a task ended by a BPMN error or an execution signalled on with a "decision" would leave
        List<Finding> findings = HistoryCheck.check(List.of(), Map.of(), Set.of(), Map.of("decision", "APPROVE"));

        assertThat(findings).containsExactly(new Finding(Kind.EXTRA, "case", "history decision", "APPROVE", null));
    }

    @Test
    void reportsAGuardedTaskCompletedWithoutADecision() {
        List<Finding> findings = HistoryCheck.check(List.of(), Map.of("task-1", new GuardedTask(REVIEW, true, null)),
                Set.of("task-1"), Map.of("decision", "APPROVE", "decidedBy", "wang.fang"));

        assertThat(findings).containsExactly(
                new Finding(Kind.MISSING, "task-1", "decision", "task Activity_OfficerReview completed", null),
                new Finding(Kind.EXTRA, "case", "history decision", "APPROVE", null),
                new Finding(Kind.EXTRA, "case", "history decidedBy", "wang.fang", null));
    }

    @Test
    void aDecidedTaskMayNameItsSignerAsAssignee() {
        assertThat(HistoryCheck.check(List.of(recorded("chen.jie")), Map.of("task-1", new GuardedTask(REVIEW, true, "chen.jie")),
                Set.of("task-1"), Map.of("decision", "APPROVE", "decidedBy", "chen.jie", "decisionReasons", "理由"))).isEmpty();
    }

    @Test
    void reportsAnAssigneeWrittenIntoTheHistory() {
        // an assignee may read the case: one other than the signer, or on a task nobody decided, was not given by the engine
        List<Finding> findings = HistoryCheck.check(List.of(recorded("chen.jie")), Map.of(
                        "task-1", new GuardedTask(REVIEW, true, "zhang.wei"),
                        "task-2", new GuardedTask(REVIEW, false, "zhang.wei")),
                Set.of("task-1"), Map.of("decision", "APPROVE", "decidedBy", "chen.jie", "decisionReasons", "理由"));

        assertThat(findings).containsExactlyInAnyOrder(
                new Finding(Kind.ALTERED, "task-1", "history assignee", "zhang.wei", "chen.jie"),
                new Finding(Kind.ALTERED, "task-2", "history assignee", "zhang.wei", null));
    }

    private static KeptDecision recorded(String approverId) {
        KeptDecision signed = KeptDecision.signed("task-1", "case-1", REVIEW, approverId, "APPROVE", "理由", "{}", "0x00",
                "sig", "04ab", null);
        return new KeptDecision(signed.taskId(), signed.caseId(), signed.activityId(), approverId, signed.decision(),
                signed.reasons(), signed.payload(), signed.payloadSm3(), signed.signatureBase64(), signed.publicKeyHex(),
                null, KeptDecision.State.RECORDED.name(), "0xabc", 7L, signed.signedAt(), signed.signedAt());
    }
}
