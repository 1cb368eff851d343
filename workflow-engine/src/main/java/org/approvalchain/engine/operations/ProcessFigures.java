package org.approvalchain.engine.operations;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the process engine's own tables say about cases, tasks, incidents and its job executor,
 * counted for the metrics (the {@code camunda} adapter reads them). Counts over every node of a
 * cluster: they come from the shared database.
 */
public interface ProcessFigures {

    /** Cases of a process in one state (Camunda's: ACTIVE, COMPLETED, ...), by the end event they reached (null while running). */
    record Cases(String process, String state, String endEvent, long count) {
    }

    /** Open tasks of a process offered to a candidate group (null for none), and how many of them are overdue. */
    record OpenTasks(String process, String group, long open, long overdue) {
    }

    /** Open incidents of a process by type ({@code failedJob}, ...). */
    record Incidents(String process, String type, long count) {
    }

    /** When a task was created, in which process and at which step. */
    record TaskCreated(String process, String activity, Instant at) {
    }

    List<Cases> cases();

    List<OpenTasks> openTasks();

    List<Incidents> incidents();

    Optional<TaskCreated> taskCreated(String taskId);

    /** The job executor's count of {@code event} (Camunda's metric name, e.g. {@code job-successful}) since the database was created. */
    long jobExecutorCount(String event);
}
