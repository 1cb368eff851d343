package org.approvalchain.engine.legal;

import java.util.ArrayList;
import java.util.List;

/**
 * The deployment gate's rules (docs/legal-gate.md). Every task-like element carries a mode, a legal
 * basis and a discretion flag (LEGAL-001..003). An automatic step involves no discretion (LEGAL-004)
 * and is bound to a contract function that exists with every input mapped (LEGAL-005). A manual
 * step is a user task (so that a signed decision guards it) with candidate users or groups
 * (LEGAL-006, LEGAL-007). An assisted step is a user task with candidates that directly follows an
 * automatic contract step: the machine proposes, a person decides and signs (LEGAL-008). The
 * department a step names exists and may write its contract (LEGAL-014, LEGAL-015). Returns every
 * finding, never stops at the first.
 */
public final class LegalGate {

    private final ContractCatalogue contracts;
    private final DepartmentCatalogue departments;

    public LegalGate(ContractCatalogue contracts, DepartmentCatalogue departments) {
        this.contracts = contracts;
        this.departments = departments;
    }

    /** Every broken rule of the model, empty when it may be deployed. */
    public List<Finding> check(ProcessModel process) {
        List<Finding> findings = new ArrayList<>();
        for (TaskElement task : process.tasks()) {
            for (Problem problem : problemsOf(process, task)) {
                findings.add(new Finding(process.id(), process.name(), task.id(), task.name(), problem.rule(), problem.message()));
            }
        }
        return findings;
    }

    private List<Problem> problemsOf(ProcessModel process, TaskElement task) {
        List<Problem> problems = new ArrayList<>();
        Mode mode = Mode.of(task.property("mode")).orElse(null);
        if (mode == null) {
            problems.add(problem("LEGAL-001", "property 'mode' must be automatic, assisted or manual, is "
                    + quoted(task.property("mode"))));
        }
        if (task.property("legalBasis") == null) {
            problems.add(problem("LEGAL-002", "property 'legalBasis' (the citation that allows this step) is missing"));
        }
        String discretion = task.property("discretion");
        if (!"true".equals(discretion) && !"false".equals(discretion)) {
            problems.add(problem("LEGAL-003", "property 'discretion' must be true or false, is " + quoted(discretion)));
        }
        if (mode == Mode.AUTOMATIC) {
            if ("true".equals(discretion)) {
                problems.add(problem("LEGAL-004", "an automatic step must not involve discretion: make it manual, or set discretion=false"));
            }
            contracts.problemsOf(task).forEach(p -> problems.add(problem("LEGAL-005", p)));
        }
        if (mode != null && mode.requiresSignedDecision()) {
            if (!task.isUserTask()) {
                problems.add(problem("LEGAL-006", "a " + mode + " step must be a user task, so that only a signed decision completes it; it is a " + task.type()));
            } else if (task.candidateUsers().isEmpty() && task.candidateGroups().isEmpty()) {
                problems.add(problem("LEGAL-007", "a " + mode + " step needs candidate users or candidate groups (who may decide)"));
            }
        }
        if (mode == Mode.ASSISTED && !followsAutomaticStep(process, task)) {
            problems.add(problem("LEGAL-008", "an assisted step must directly follow an automatic contract step (the proposal it confirms)"));
        }
        problems.addAll(departments.problemsOf(task));
        return problems;
    }

    private static boolean followsAutomaticStep(ProcessModel process, TaskElement task) {
        return task.previousTasks().stream().map(process::task).flatMap(java.util.Optional::stream)
                .anyMatch(previous -> Mode.of(previous.property("mode")).orElse(null) == Mode.AUTOMATIC
                        && previous.property("contract") != null);
    }

    private static Problem problem(String rule, String message) {
        return new Problem(rule, message);
    }

    record Problem(String rule, String message) {
    }

    private static String quoted(String value) {
        return value == null ? "missing" : "'" + value + "'";
    }
}
