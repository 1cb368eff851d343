package org.approvalchain.engine.explorer;

/**
 * A transaction in a list: where it is, what it called ({@code function} is null for a deployment
 * or call data no ABI decodes), whether it succeeded, and the case and step it recorded, when it
 * was a case's write ({@code subject} e.g. {@code Activity_IssueLicence#1/step}); for a step recorded
 * with its call ({@code CaseLedger.recordCall}), the call it made in {@code forwarded}, else null.
 */
public record TransactionSummary(String hash, long blockNumber, String contract, String function, boolean succeeded,
                                 String caseId, String subject, TransactionView.Forwarded forwarded) {
}
