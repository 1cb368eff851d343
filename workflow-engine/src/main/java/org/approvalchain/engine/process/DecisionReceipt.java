package org.approvalchain.engine.process;

/**
 * The approver's receipt for a signed decision: where it is on chain ({@code DecisionRegistry}) and
 * where its step is ({@code CaseLedger}), with the SM3 hash of the payload the approver signed.
 */
public record DecisionReceipt(String taskId, String caseId, String approverId, String decision, String payloadSm3,
                              String decisionTxHash, long decisionBlock, String stepTxHash, long stepBlock) {
}
