package org.approvalchain.engine.process;

/**
 * A signed decision as recorded: where it is on chain ({@code DecisionRegistry}) and where its step
 * is ({@code CaseLedger}), with the SM3 hash of the payload the approver signed.
 */
public record DecisionRecord(String taskId, String caseId, String approverId, String decision, String payloadSm3,
                             String decisionTxHash, long decisionBlock, String stepTxHash, long stepBlock) {
}
