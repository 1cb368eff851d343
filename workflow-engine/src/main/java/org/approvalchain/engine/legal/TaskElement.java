package org.approvalchain.engine.legal;

import java.util.List;
import java.util.Map;

/**
 * A task-like BPMN element (service, user, script, business rule, send or receive task, call
 * activity) as the legal gate sees it: its Camunda extension properties, its candidate users and
 * groups (user tasks only), and the task-like elements that directly precede it on its incoming
 * paths (gateways and events in between are looked through).
 *
 * @param type the BPMN element type name, e.g. {@code userTask}, {@code serviceTask}
 * @param department the department the model makes responsible for it (its own property {@code
 *     department}, its sub-process's or its process's), null when none is named
 */
public record TaskElement(String id, String name, String type, Map<String, String> properties,
                          List<String> candidateUsers, List<String> candidateGroups, List<String> previousTasks,
                          String department) {

    public TaskElement {
        properties = Map.copyOf(properties);
        candidateUsers = List.copyOf(candidateUsers);
        candidateGroups = List.copyOf(candidateGroups);
        previousTasks = List.copyOf(previousTasks);
    }

    public boolean isUserTask() {
        return "userTask".equals(type);
    }

    String property(String name) {
        String value = properties.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
