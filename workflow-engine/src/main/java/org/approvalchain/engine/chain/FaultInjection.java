package org.approvalchain.engine.chain;

/**
 * A seam for the crash tests: the engine reports each {@link CrashPoint} it passes, with the key of
 * the write, step or decision at hand. In production nothing happens ({@link #NONE}); the crash
 * tests start the engine with {@code approvalchain.test.halt-at=<point>[@<key fragment>]} and it
 * dies there as {@code kill -9} would (see docs/ledger.md, "Crash points for tests").
 */
public interface FaultInjection {

    /** Does nothing: the production behaviour. */
    FaultInjection NONE = (point, where) -> {
    };

    void reach(CrashPoint point, String where);
}
