package org.approvalchain.engine.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Test seam, inert unless {@code approvalchain.test.halt-at} is set (no shipped configuration
 * sets it). {@code halt-at=<point>} or {@code halt-at=<point>@<fragment>} makes the process die on
 * the spot, as {@code kill -9} would (exit 137, no shutdown hooks, nothing committed), the first
 * time it reaches that {@link CrashPoint} at a place whose key contains the fragment: e.g. {@code
 * chain-write-sent@/Activity_IssueLicence#1/call}. See docs/ledger.md, "Crash points for tests".
 *
 * @param haltAt the crash point, optionally with {@code @} and a fragment of the write, step or
 *     decision key
 */
@ConfigurationProperties("approvalchain.test")
public record CrashPoints(String haltAt) {

    private static final Logger log = LoggerFactory.getLogger(CrashPoints.class);

    /** Halts the process if it is configured to crash at {@code point} for a key like {@code where}. */
    public void reach(CrashPoint point, String where) {
        if (haltAt == null || haltAt.isBlank()) {
            return;
        }
        int at = haltAt.indexOf('@');
        String name = at < 0 ? haltAt.trim() : haltAt.substring(0, at).trim();
        String fragment = at < 0 ? "" : haltAt.substring(at + 1);
        if (name.equals(point.property()) && where.contains(fragment)) {
            log.error("TEST-137 halting at crash point {} ({}) as approvalchain.test.halt-at asks", point.property(), where);
            Runtime.getRuntime().halt(137);
        }
    }
}
