package org.approvalchain.engine.process;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.approvalchain.engine.record.CaseStep;

/**
 * A case as our API shows it: where it stands (for an ended case, the end event it reached), its
 * non-personal variables, its open tasks, the messages it waits for (such as {@code
 * corrections-submitted}), every step with its chain evidence, and the groups that supervise its
 * process (they may raise a query where the case takes one).
 */
public record CaseView(String caseId, String processKey, String processDefinitionId, int processVersion, String state,
                       String endEvent, Instant startedAt, Instant endedAt, Map<String, Object> variables,
                       List<OpenTask> openTasks, List<String> awaiting, List<CaseStep> steps, List<String> supervisors) {

    /**
     * A task waiting in the case, with who may take it and the time limit on its step (null when it has none).
     *
     * @param timeLimit as the model states it, e.g. {@code 3 working days}
     * @param deadline when the time limit runs out in this case
     */
    public record OpenTask(String taskId, String activityId, String name, List<String> candidateGroups,
                           String timeLimit, Instant deadline) {
    }
}
