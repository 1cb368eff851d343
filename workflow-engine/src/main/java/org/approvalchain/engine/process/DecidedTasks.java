package org.approvalchain.engine.process;

import java.time.Instant;
import java.util.List;

import org.approvalchain.engine.record.CaseRecord;
import org.approvalchain.engine.record.KeptDecision;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

/**
 * What an approver has done (已办): the tasks they decided, each with the decision they signed and
 * whether it is on chain yet, newest first. Read from the case record (the signed decisions), with
 * the step and process names from the engine's history.
 */
@Service
public class DecidedTasks {

    /** How many of an approver's decisions the list shows. */
    static final int LIMIT = 200;

    private final CaseRecord record;
    private final HistoryService history;
    private final DeployedDefinitions definitions;

    DecidedTasks(CaseRecord record, HistoryService history, DeployedDefinitions definitions) {
        this.record = record;
        this.history = history;
        this.definitions = definitions;
    }

    /**
     * A task the approver decided.
     *
     * @param state SIGNED (kept, not yet on chain) or RECORDED (on chain, task completed)
     */
    public record DecidedTask(String taskId, String caseId, String activityId, String name, String processKey,
                              String processName, int processVersion, String decision, String reasons,
                              Instant signedAt, String state, String decisionTxHash, Long decisionBlock) {
    }

    /** The tasks {@code userId} decided, newest first (at most {@value #LIMIT}). */
    public List<DecidedTask> by(String userId) {
        return record.decisionsBy(userId, LIMIT).stream().map(this::decided).toList();
    }

    private DecidedTask decided(KeptDecision d) {
        HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(d.taskId()).singleResult();
        ProcessDefinition definition = task == null ? null : definitions.definition(task.getProcessDefinitionId());
        return new DecidedTask(d.taskId(), d.caseId(), d.activityId(), task == null ? d.activityId() : task.getName(),
                definition == null ? null : definition.getKey(), definition == null ? null : definition.getName(),
                definition == null ? 0 : definition.getVersion(), d.decision(), d.reasons(), d.signedAt(), d.state(),
                d.decisionTxHash(), d.decisionBlock());
    }
}
