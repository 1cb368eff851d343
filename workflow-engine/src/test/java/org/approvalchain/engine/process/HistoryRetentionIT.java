package org.approvalchain.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.approvalchain.engine.support.SharedEngine;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A case's history is kept for its process's history time to live counted from the case's end:
 * Camunda's history cleanup works that out from the end time when it runs, so a case's history rows
 * carry no removal time (none is written when the case ends).
 */
@SharedEngine
class HistoryRetentionIT {

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Test
    void anEndedCaseIsCleanableOnlyOnceItsTimeToLiveHasPassedAndCarriesNoRemovalTime() {
        HistoricProcessInstance keptForDays = endedCase("history-kept-180-days", 180);
        HistoricProcessInstance keptForNone = endedCase("history-kept-0-days", 0);

        assertThat(cleanable(keptForDays)).isZero();
        assertThat(cleanable(keptForNone)).isEqualTo(1);
        assertThat(keptForDays.getRemovalTime()).isNull();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(keptForDays.getId()).list())
                .hasSize(2).extracting(HistoricActivityInstance::getRemovalTime).containsOnlyNulls();
    }

    private HistoricProcessInstance endedCase(String key, int daysToLive) {
        repository.createDeployment().addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(daysToLive).startEvent().endEvent().done()).deploy();
        String id = runtime.startProcessInstanceByKey(key).getId();
        HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
        assertThat(ended.getEndTime()).isNotNull();
        return ended;
    }

    private long cleanable(HistoricProcessInstance instance) {
        return history.createCleanableHistoricProcessInstanceReport().processDefinitionIdIn(instance.getProcessDefinitionId())
                .singleResult().getCleanableProcessInstanceCount();
    }
}
