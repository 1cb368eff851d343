package org.approvalchain.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.approvalchain.engine.audit.Verification.Finding;
import org.approvalchain.engine.audit.Verification.Kind;
import org.junit.jupiter.api.Test;

class HistoryCheckTest {

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
        List<Finding> findings = HistoryCheck.check(List.of(), Map.of("task-1", "Activity_OfficerReview"), Set.of("task-1"),
                Map.of("decision", "APPROVE", "decidedBy", "wang.fang"));

        assertThat(findings).containsExactly(
                new Finding(Kind.MISSING, "task-1", "decision", "task Activity_OfficerReview completed", null),
                new Finding(Kind.EXTRA, "case", "history decision", "APPROVE", null),
                new Finding(Kind.EXTRA, "case", "history decidedBy", "wang.fang", null));
    }
}
