package org.approvalchain.engine.audit;

import java.time.Instant;

import org.approvalchain.engine.chain.Departments;

/**
 * One step of a case's audit trail. Automatic steps name the contract (with its address and the SM3
 * of the code deployed there: the contract's version), function, inputs hash, result and the rule
 * version the contract reported, if any; manual steps the approver, decision, reasons and
 * signature, and whether that signature still verifies over the payload kept with it, and name
 * {@code DecisionRegistry} (address, code SM3) where the decision is recorded. Both give the
 * transactions, and the department whose account signed the step's transaction on chain (null when
 * the engine's platform account did).
 */
public record AuditEntry(int sequence, String stepKey, String activityId, String activityName, String kind,
                         String contract, String contractAddress, String contractCodeSm3, String function,
                         String inputsHash, String result, Long ruleVersion,
                         String callTxHash, Long callBlock, Integer callStatus, String revertReason,
                         String approver, String decision, String reasons, String payloadSm3, String signature,
                         Boolean signatureVerifies, String stepTxHash, long stepBlock, Instant recordedAt,
                         Departments.Department department) {
}
