package org.approvalchain.engine.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.approvalchain.engine.audit.CaseHistory.GuardedTask;
import org.approvalchain.engine.audit.Verification.Finding;
import org.approvalchain.engine.audit.Verification.Kind;
import org.approvalchain.engine.record.KeptDecision;

/**
 * The recorded decisions of a case against the engine's history: every completed task that required
 * a signed decision has one, every recorded decision has its completed task and its finished
 * activity instance, no such task is assigned to anyone but its signer, and the decision
 * variables the case shows are those of its latest recorded decision (and a case with none shows none).
 */
final class HistoryCheck {

    /** The variables a recorded decision sets on its case, in the order findings name them. */
    private static final List<String> DECISION_VARIABLES = List.of("decision", "decidedBy", "decisionReasons");

    private HistoryCheck() {
    }

    static List<Finding> check(List<KeptDecision> recorded, Map<String, GuardedTask> tasks, Set<String> taskActivities,
                               Map<String, String> variables) {
        List<Finding> findings = new ArrayList<>();
        tasks.forEach((taskId, task) -> {
            Optional<KeptDecision> decision = recorded.stream().filter(d -> d.taskId().equals(taskId)).findFirst();
            if (task.completed() && decision.isEmpty()) {
                findings.add(new Finding(Kind.MISSING, taskId, "decision", "task " + task.activityId() + " completed", null));
            }
            // nobody is assigned a guarded task (DecisionGuard), and who decides is the signer: an
            // assignee other than the signer was written into the history, and would give its user the case to read
            String signer = decision.map(KeptDecision::approverId).orElse(null);
            if (task.assignee() != null && !task.assignee().equals(signer)) {
                findings.add(new Finding(Kind.ALTERED, taskId, "history assignee", task.assignee(), signer));
            }
        });
        for (KeptDecision decision : recorded) {
            GuardedTask task = tasks.get(decision.taskId());
            if (task == null || !task.completed()) {
                findings.add(new Finding(Kind.MISSING, decision.taskId(), "completed task", null,
                        decision.decision() + " by " + decision.approverId() + ", tx " + decision.decisionTxHash()));
            }
            if (!taskActivities.contains(decision.taskId())) {
                findings.add(new Finding(Kind.MISSING, decision.taskId(), "completed activity", null,
                        decision.decision() + " by " + decision.approverId() + ", tx " + decision.decisionTxHash()));
            }
        }
        latest(recorded).ifPresentOrElse(latest -> {
            differs(latest.taskId(), "history decision", variables.get("decision"), latest.decision(), findings);
            differs(latest.taskId(), "history decidedBy", variables.get("decidedBy"), latest.approverId(), findings);
            differs(latest.taskId(), "history decisionReasons", variables.get("decisionReasons"),
                    String.valueOf(latest.reasons()), findings);
        }, () -> DECISION_VARIABLES.stream().filter(variables::containsKey).forEach(name ->
                // a decision the case shows that no signed decision made: set some other way than by signing
                findings.add(new Finding(Kind.EXTRA, "case", "history " + name, variables.get(name), null))));
        return findings;
    }

    /** The decision recorded last: in the latest block, then the latest recorded. */
    static Optional<KeptDecision> latest(List<KeptDecision> recorded) {
        return recorded.stream().max(Comparator.comparing(KeptDecision::decisionBlock, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(KeptDecision::recordedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    private static void differs(String subject, String field, String history, String recorded, List<Finding> findings) {
        if (!Objects.equals(history, recorded)) {
            findings.add(new Finding(Kind.ALTERED, subject, field, history, recorded));
        }
    }
}
