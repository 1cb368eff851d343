package org.approvalchain.engine.legal;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The automation map of each deployed process version, as served to legal reviewers: the map,
 * its hashes, its anchor on chain and whether they match.
 */
public interface AutomationMaps {

    /** The map of a deployed process version; empty when no such version is deployed. */
    Optional<AnchoredMap> served(String processKey, int version);

    /** The latest deployed version of a process; empty when none is deployed. */
    OptionalInt latestVersion(String processKey);
}
