package org.approvalchain.engine.legal;

import java.util.Comparator;
import java.util.List;

/**
 * An automation map as served: the map, its step ids in process order, the SM3 hashes of its
 * canonical JSON and of the BPMN it was read from, the anchor recorded on chain for its process
 * version (null while not anchored) and whether both hashes equal the anchored ones. The order is
 * not part of the hashed map: it is read from the BPMN (whose hash is anchored too), so that the
 * maps of versions anchored before the map had an order still verify.
 */
public record AnchoredMap(AutomationMap map, List<String> order, String mapHash, String bpmnHash, Anchor anchor,
                          boolean matchesChain) {

    public AnchoredMap {
        order = List.copyOf(order);
    }

    /** Builds the served map, comparing its hashes with {@code anchor} (which may be null). */
    public static AnchoredMap of(AutomationMap map, List<String> order, String mapHash, String bpmnHash, Anchor anchor) {
        boolean matches = anchor != null && mapHash.equalsIgnoreCase(anchor.mapHash())
                && bpmnHash.equalsIgnoreCase(anchor.bpmnHash());
        return new AnchoredMap(map, order, mapHash, bpmnHash, anchor, matches);
    }

    /** The map's steps in process order; a step the order does not name comes last. */
    public List<AutomationMap.MappedStep> stepsInOrder() {
        Comparator<AutomationMap.MappedStep> byOrder = Comparator.comparingInt(s -> {
            int position = order.indexOf(s.id());
            return position < 0 ? Integer.MAX_VALUE : position;
        });
        return map.steps().stream().sorted(byOrder).toList();
    }

    /**
     * A process version's anchor: the transaction and block that recorded it, and the BPMN and map
     * hashes the chain holds for it (0x SM3 hex).
     */
    public record Anchor(String txHash, long blockNumber, String bpmnHash, String mapHash) {
    }
}
