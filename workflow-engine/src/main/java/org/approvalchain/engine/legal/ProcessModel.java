package org.approvalchain.engine.legal;

import java.util.List;
import java.util.Optional;

/** One BPMN process as the legal gate sees it: its id, its name and its task-like elements. */
public record ProcessModel(String id, String name, List<TaskElement> tasks) {

    public ProcessModel {
        tasks = List.copyOf(tasks);
    }

    Optional<TaskElement> task(String id) {
        return tasks.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
