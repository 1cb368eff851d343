package org.approvalchain.engine.legal;

import java.util.List;
import java.util.Optional;

/**
 * One BPMN process as the legal gate sees it: its id, its name, its task-like elements (by element
 * type, then in document order) and their ids in process order, as a reader follows the diagram.
 */
public record ProcessModel(String id, String name, List<TaskElement> tasks, List<String> order) {

    public ProcessModel {
        tasks = List.copyOf(tasks);
        order = List.copyOf(order);
    }

    Optional<TaskElement> task(String id) {
        return tasks.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
