package org.approvalchain.engine.legal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An automation map as served: the map, its step ids in process order, the department responsible
 * for each step (by step id; a step of a process that names none is absent), the SM3 hashes of its
 * canonical JSON and of the BPMN it was read from, the anchor recorded on chain for its process
 * version (null while not anchored) and whether both hashes equal the anchored ones. Order and
 * departments are not part of the hashed map: they are read from the BPMN (whose hash is anchored
 * too), so that the maps of versions anchored before the map had them still verify.
 */
public record AnchoredMap(AutomationMap map, List<String> order, Map<String, Responsible> departments, String mapHash,
                          String bpmnHash, Anchor anchor, boolean matchesChain) {

    public AnchoredMap {
        order = List.copyOf(order);
        departments = Map.copyOf(departments);
    }

    /** Builds the served map, comparing its hashes with {@code anchor} (which may be null). */
    public static AnchoredMap of(AutomationMap map, List<String> order, Map<String, Responsible> departments,
                                 String mapHash, String bpmnHash, Anchor anchor) {
        boolean matches = anchor != null && mapHash.equalsIgnoreCase(anchor.mapHash())
                && bpmnHash.equalsIgnoreCase(anchor.bpmnHash());
        return new AnchoredMap(map, order, departments, mapHash, bpmnHash, anchor, matches);
    }

    /** The department responsible for a step, whose account signs its chain writes: its id and names. */
    public record Responsible(String id, String name, String nameEn) {

        /** How a reader sees it: both names, or the id of a department the chain does not know. */
        public String label() {
            return name == null ? id : name + " " + nameEn;
        }
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
