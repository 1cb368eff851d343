package org.approvalchain.engine.chain;

/**
 * The places between the engine's commits and its chain writes where a crash is most likely to
 * lose or duplicate something. Each has the name that {@code approvalchain.test.halt-at} takes
 * (see {@link FaultInjection}); tests kill the engine at one of them and check that a restart neither
 * loses nor repeats a step or a decision on chain.
 */
public enum CrashPoint {

    /** {@link ChainWriter}: the signed transaction is journalled (committed), not yet sent. */
    CHAIN_WRITE_JOURNALLED("chain-write-journalled"),
    /** {@link ChainWriter}: the transaction is in a block (receipt known), the journal not yet marked complete. */
    CHAIN_WRITE_SENT("chain-write-sent"),
    /** Contract step: the call and the step are on chain (one transaction), the job's transaction has not committed. */
    STEP_RECORDED("step-recorded"),
    /** Decision: kept as SIGNED (committed), nothing on chain yet. */
    DECISION_KEPT("decision-kept"),
    /** Decision: on {@code DecisionRegistry} and {@code CaseLedger}, the completing transaction not yet run. */
    DECISION_ON_CHAIN("decision-on-chain");

    private final String property;

    CrashPoint(String property) {
        this.property = property;
    }

    /** The name as {@code approvalchain.test.halt-at} gives it, e.g. {@code chain-write-sent}. */
    public String property() {
        return property;
    }
}
