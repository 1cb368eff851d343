package org.approvalchain.engine.legal.camunda;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;

/**
 * The flow nodes of a process in process order, the order a reader follows the diagram in: from
 * the start events along the sequence flows, each node after every node on a path from a start
 * event to it. A flow that leads back to a node already on the path (a loop, e.g. a correction
 * round) is not followed. Nodes ready at the same time (parallel paths, alternative branches) come
 * breadth first: the nearer to where the paths split, the earlier, and at equal distance in the
 * order of the outgoing flows in the BPMN. A boundary event's path comes after its activity's
 * normal outgoing flows; a subprocess is entered at its start events and left, also by its
 * boundary events, once its content is done. Nodes that no path from a start event reaches (an
 * event subprocess, an unconnected node) come last, in document order.
 */
final class ProcessOrder {

    private final Map<FlowNode, List<FlowNode>> next = new HashMap<>();
    private final Set<FlowNode> reached = new LinkedHashSet<>();
    private final Map<FlowNode, Integer> waitingFor = new HashMap<>();

    private ProcessOrder() {
    }

    /** The ids of the process's flow nodes (including those in subprocesses) in process order. */
    static List<String> of(Process process) {
        return new ProcessOrder().order(process);
    }

    private List<String> order(Process process) {
        List<FlowNode> starts = process.getChildElementsByType(StartEvent.class).stream().map(FlowNode.class::cast).toList();
        Set<FlowNode> onPath = new HashSet<>();
        for (FlowNode start : starts) {
            walk(start, onPath);
        }
        List<String> order = new ArrayList<>();
        Deque<FlowNode> ready = new ArrayDeque<>(starts);
        while (!ready.isEmpty()) {
            FlowNode node = ready.poll();
            order.add(node.getId());
            for (FlowNode successor : next.getOrDefault(node, List.of())) {
                if (waitingFor.merge(successor, -1, Integer::sum) == 0) {
                    ready.add(successor);
                }
            }
        }
        process.getModelInstance().getModelElementsByType(FlowNode.class).stream()
                .filter(n -> !reached.contains(n) && within(n, process)).forEach(n -> order.add(n.getId()));
        return order;
    }

    /** Depth first from {@code node}: records each forward edge (none that closes a loop) and counts a node's incoming ones. */
    private void walk(FlowNode node, Set<FlowNode> onPath) {
        reached.add(node);
        onPath.add(node);
        List<FlowNode> forward = new ArrayList<>();
        for (FlowNode successor : successors(node)) {
            if (onPath.contains(successor)) {
                continue;
            }
            forward.add(successor);
            waitingFor.merge(successor, 1, Integer::sum);
            if (!reached.contains(successor)) {
                walk(successor, onPath);
            }
        }
        next.put(node, forward);
        onPath.remove(node);
    }

    /**
     * Where the reader goes next: into a subprocess at its start events; from a node, to its outgoing
     * flows' targets, then to the boundary events attached to it; from a node that leads nowhere
     * inside a subprocess (its end events), out of the subprocess.
     */
    private static Collection<FlowNode> successors(FlowNode node) {
        if (node instanceof SubProcess sub && !sub.getChildElementsByType(StartEvent.class).isEmpty()) {
            return List.copyOf(sub.getChildElementsByType(StartEvent.class));
        }
        Set<FlowNode> exits = exits(node);
        if (exits.isEmpty() && node.getParentElement() instanceof SubProcess sub) {
            return exits(sub);
        }
        return exits;
    }

    private static Set<FlowNode> exits(FlowNode node) {
        Set<FlowNode> exits = new LinkedHashSet<>();
        node.getOutgoing().stream().map(SequenceFlow::getTarget).forEach(exits::add);
        if (node instanceof Activity activity) {
            BoundaryEvents.attachedTo(activity.getModelInstance(), activity.getId()).forEach(exits::add);
        }
        return exits;
    }

    private static boolean within(FlowNode node, Process process) {
        for (var parent = node.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if (parent == process) {
                return true;
            }
        }
        return false;
    }
}
