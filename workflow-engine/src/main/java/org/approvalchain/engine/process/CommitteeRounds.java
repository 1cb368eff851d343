package org.approvalchain.engine.process;

import java.util.Optional;

import org.approvalchain.engine.record.CaseRecord;
import org.approvalchain.engine.record.KeptDecision;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * One member, one signed evaluation: the instances of a multi-instance task (a committee) that
 * are open at once form a round, and whoever signed one instance of a round may not work another.
 */
@Component
class CommitteeRounds {

    static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

    private final HistoryService history;
    private final CaseRecord record;
    private final DeployedDefinitions definitions;

    CommitteeRounds(HistoryService history, CaseRecord record, DeployedDefinitions definitions) {
        this.history = history;
        this.record = record;
        this.definitions = definitions;
    }

    /** Refuses (403 TASK-004) when {@code userId} signed another instance of the task's round. */
    void requireOneSeat(Task task, String userId) {
        signedSibling(task, userId).ifPresent(signed -> {
            throw new CaseException(CaseException.Kind.FORBIDDEN, "TASK-004 user " + userId + " already signed task "
                    + signed + ", another instance of the same step " + task.getTaskDefinitionKey()
                    + ": each member signs one");
        });
    }

    private Optional<String> signedSibling(Task task, String userId) {
        if (!definitions.multiInstance(task.getProcessDefinitionId(), task.getTaskDefinitionKey())) {
            return Optional.empty();
        }
        String instance = history.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult()
                .getActivityInstanceId();
        HistoricActivityInstance own = history.createHistoricActivityInstanceQuery().activityInstanceId(instance)
                .singleResult();
        HistoricActivityInstance round = history.createHistoricActivityInstanceQuery()
                .activityInstanceId(own.getParentActivityInstanceId()).singleResult();
        if (round == null || !round.getActivityId().endsWith(MULTI_INSTANCE_BODY)) {
            return Optional.empty();
        }
        return history.createHistoricActivityInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .activityId(task.getTaskDefinitionKey()).list().stream()
                .filter(sibling -> round.getId().equals(sibling.getParentActivityInstanceId()))
                .map(HistoricActivityInstance::getTaskId)
                .filter(id -> id != null && !id.equals(task.getId()))
                .filter(id -> record.decision(id).map(KeptDecision::approverId).filter(userId::equals).isPresent())
                .findFirst();
    }
}
