package org.approvalchain.engine.record;

import java.time.Instant;

/**
 * One step of a case with its chain evidence: for an automatic step the contract call (function,
 * inputs hash, result, its transaction) and for a manual step the approver; for both the
 * {@code CaseLedger.recordStep} transaction that put the step on chain.
 */
public record CaseStep(String stepKey, String caseId, String activityId, String activityName, int visit, Kind kind,
                       String contract, String function, String inputsHash, String resultHash, String resultJson,
                       String callTxHash, Long callBlock, Integer callStatus, String revertReason,
                       String stepTxHash, long stepBlock, String actor, Instant recordedAt) {

    /** How the step was taken: by a contract, or by a person who signed a decision. */
    public enum Kind { AUTOMATIC, MANUAL }
}
