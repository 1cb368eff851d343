package org.approvalchain.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With {@link InternalVariableHistory}, Camunda keeps the full history of case data (every value a
 * variable had) and none of the engine's internal variables, which still work at runtime: set,
 * counted up, removed, and the case completes.
 */
class InternalVariableHistoryTest {

    private static ProcessEngine engine;

    @BeforeAll
    static void start() {
        engine = InMemoryEngine.build("internal-variable-history", new InternalVariableHistory());
        engine.getRepositoryService().createDeployment().addModelInstance("visits.bpmn",
                Bpmn.createExecutableProcess("visits").startEvent().userTask("review").endEvent().done()).deploy();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void keepsTheHistoryOfCaseDataAndNoneOfInternalVariables() {
        RuntimeService runtime = engine.getRuntimeService();
        String instance = runtime.startProcessInstanceByKey("visits", Map.of("tradeName", "星河", "ac_visits_review", 1))
                .getId();
        runtime.setVariable(instance, "ac_visits_review", 2);
        runtime.setVariable(instance, "tradeName", "星河科技");
        Task review = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
        engine.getTaskService().setVariableLocal(review.getId(), "ac_visit", 2);
        assertThat(runtime.getVariable(instance, "ac_visits_review")).isEqualTo(2);
        assertThat(engine.getTaskService().getVariableLocal(review.getId(), "ac_visit")).isEqualTo(2);
        runtime.removeVariable(instance, "ac_visits_review");
        engine.getTaskService().complete(review.getId());

        HistoryService history = engine.getHistoryService();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult().getState())
                .isEqualTo("COMPLETED");
        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
                .processInstanceId(instance).list();
        assertThat(variables).extracting(HistoricVariableInstance::getName, HistoricVariableInstance::getValue)
                .containsExactly(tuple("tradeName", "星河科技"));
        List<HistoricDetail> details = history.createHistoricDetailQuery().processInstanceId(instance)
                .orderPartiallyByOccurrence().asc().list();
        assertThat(details).extracting(d -> ((HistoricVariableUpdate) d).getVariableName() + "="
                + ((HistoricVariableUpdate) d).getValue()).containsExactly("tradeName=星河", "tradeName=星河科技");
    }
}
