package org.approvalchain.engine.process;

import org.approvalchain.engine.record.KeptDecision;

/**
 * Where a signed decision stands: {@code RECORDED} on chain, with its receipt, or {@code SIGNED}:
 * kept by the engine and still being recorded (no receipt yet; the engine finishes it, ask again).
 */
public record DecisionStatus(String taskId, KeptDecision.State state, DecisionReceipt receipt) {

    static DecisionStatus recorded(DecisionReceipt receipt) {
        return new DecisionStatus(receipt.taskId(), KeptDecision.State.RECORDED, receipt);
    }

    static DecisionStatus beingRecorded(String taskId) {
        return new DecisionStatus(taskId, KeptDecision.State.SIGNED, null);
    }

    public boolean recorded() {
        return state == KeptDecision.State.RECORDED;
    }
}
