package org.approvalchain.engine.audit;

import java.util.List;

/**
 * The outcome of checking one case's engine records against the chain: {@code clean} when there
 * is no finding at all.
 */
public record Verification(String caseId, boolean clean, List<Finding> findings) {

    static Verification of(String caseId, List<Finding> findings) {
        return new Verification(caseId, findings.isEmpty(), List.copyOf(findings));
    }

    /** What is off ({@code EARLY}: a timer someone ran before it was due, a time limit cut short). */
    public enum Kind { MISSING, ALTERED, EXTRA, REORDERED, INVALID_SIGNATURE, INVALID_KEY, EARLY }

    /**
     * One difference: {@code subject} is a step key ({@code <case>/<activity>#<visit>}) or a
     * decision's task id, {@code field} what differs, {@code engine} and {@code chain} the two
     * values (null where one side has nothing).
     */
    public record Finding(Kind kind, String subject, String field, String engine, String chain) {

        @Override
        public String toString() {
            return kind + " " + subject + " " + field + ": engine=" + engine + " chain=" + chain;
        }
    }
}
