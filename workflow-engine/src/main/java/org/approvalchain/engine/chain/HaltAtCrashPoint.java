package org.approvalchain.engine.chain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crash tests' fault: halts the process (exit 137, no shutdown hooks, nothing committed) the
 * first time it reaches the configured {@link CrashPoint} at a place whose key contains the
 * fragment, e.g. {@code chain-write-sent@/Activity_IssueLicence#1/call}.
 */
final class HaltAtCrashPoint implements FaultInjection {

    private static final Logger log = LoggerFactory.getLogger(HaltAtCrashPoint.class);

    private final String point;
    private final String fragment;

    /** @param haltAt {@code <point>} or {@code <point>@<fragment>}, as {@code approvalchain.test.halt-at} takes it */
    HaltAtCrashPoint(String haltAt) {
        int at = haltAt.indexOf('@');
        this.point = at < 0 ? haltAt.trim() : haltAt.substring(0, at).trim();
        this.fragment = at < 0 ? "" : haltAt.substring(at + 1);
    }

    @Override
    public void reach(CrashPoint crashPoint, String where) {
        if (point.equals(crashPoint.property()) && where.contains(fragment)) {
            log.error("TEST-137 halting at crash point {} ({}) as approvalchain.test.halt-at asks", point, where);
            Runtime.getRuntime().halt(137);
        }
    }
}
