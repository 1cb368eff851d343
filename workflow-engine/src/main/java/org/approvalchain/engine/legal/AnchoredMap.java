package org.approvalchain.engine.legal;

/**
 * An automation map as served: the map, the SM3 hashes of its canonical JSON and of the BPMN it
 * was read from, the anchor recorded on chain for its process version (null while not anchored)
 * and whether both hashes equal the anchored ones.
 */
public record AnchoredMap(AutomationMap map, String mapHash, String bpmnHash, Anchor anchor, boolean matchesChain) {

    /** Builds the served map, comparing its hashes with {@code anchor} (which may be null). */
    public static AnchoredMap of(AutomationMap map, String mapHash, String bpmnHash, Anchor anchor) {
        boolean matches = anchor != null && mapHash.equalsIgnoreCase(anchor.mapHash())
                && bpmnHash.equalsIgnoreCase(anchor.bpmnHash());
        return new AnchoredMap(map, mapHash, bpmnHash, anchor, matches);
    }

    /**
     * A process version's anchor: the transaction and block that recorded it, and the BPMN and map
     * hashes the chain holds for it (0x SM3 hex).
     */
    public record Anchor(String txHash, long blockNumber, String bpmnHash, String mapHash) {
    }
}
