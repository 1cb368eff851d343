package org.approvalchain.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The case view's native reads give what Camunda's query builders give for the same criteria: the
 * same rows in the same order, with their values (numbers, text, dates, bytes, task-local ones),
 * deleted variables left out, the open tasks of a running case and none of an ended one.
 */
class CaseReadsTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = InMemoryEngine.extension();

    private final HistoryService history = InMemoryEngine.ENGINE.getHistoryService();
    private final TaskService tasks = InMemoryEngine.ENGINE.getTaskService();
    private final CaseReads reads = new CaseReads(history, tasks, InMemoryEngine.ENGINE.getRuntimeService(),
            InMemoryEngine.ENGINE.getManagementService());
    private Deployment deployment;

    @BeforeEach
    void deploy() {
        deployment = InMemoryEngine.ENGINE.getRepositoryService().createDeployment()
                .addModelInstance("two-steps.bpmn", Bpmn.createExecutableProcess("two-steps").startEvent()
                        .userTask("review").camundaCandidateGroups("officers")
                        .userTask("sign").camundaCandidateGroups("officers")
                        .endEvent().done())
                .deploy();
    }

    @AfterEach
    void undeploy() {
        InMemoryEngine.ENGINE.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }

    @Test
    void readsTheRowsCamundasQueriesRead() {
        ProcessInstance kase = start("case-a");
        start("case-b");
        Task review = tasks.createTaskQuery().processInstanceId(kase.getId()).singleResult();
        tasks.setVariableLocal(review.getId(), "note", "task-local");
        InMemoryEngine.ENGINE.getRuntimeService().removeVariable(kase.getId(), "dropped");

        assertThat(reads.instance("case-a")).usingRecursiveComparison().isEqualTo(
                history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("case-a").singleResult());
        assertThat(reads.instance("case-a").getProcessDefinitionVersion()).isEqualTo(1);
        List<HistoricVariableInstance> expected = history.createHistoricVariableInstanceQuery()
                .processInstanceId(kase.getId()).list();
        List<HistoricVariableInstance> read = reads.variables(kase.getId());
        assertThat(read).extracting(HistoricVariableInstance::getId)
                .containsExactlyElementsOf(expected.stream().map(HistoricVariableInstance::getId).toList());
        assertThat(read).extracting(HistoricVariableInstance::getName, HistoricVariableInstance::getValue)
                .containsExactlyElementsOf(expected.stream().map(v -> tuple(v.getName(),
                        v.getValue())).toList());
        assertThat(read).extracting(HistoricVariableInstance::getName)
                .contains("amount", "name", "submitted", "scan", "note").doesNotContain("dropped");
        assertThat(reads.openTasks(kase.getId())).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(tasks.createTaskQuery().processInstanceId(kase.getId()).list());
        assertThat(reads.caseIdOf(kase.getId())).isEqualTo("case-a");
        assertThat(reads.openTask(review.getId())).get().usingRecursiveComparison()
                .isEqualTo(tasks.createTaskQuery().taskId(review.getId()).singleResult());
    }

    @Test
    void anEndedCaseIsStillFoundAndHasNoOpenTasks() {
        ProcessInstance kase = start("case-ended");
        Task review = tasks.createTaskQuery().processInstanceId(kase.getId()).singleResult();
        tasks.complete(tasks.createTaskQuery().processInstanceId(kase.getId()).singleResult().getId());
        tasks.complete(tasks.createTaskQuery().processInstanceId(kase.getId()).singleResult().getId());

        assertThat(reads.instance("case-ended").getEndTime()).isNotNull();
        assertThat(reads.openTasks(kase.getId())).isEmpty();
        assertThat(reads.openTask(review.getId())).isEmpty();
        assertThat(reads.instance("case-ended")).usingRecursiveComparison().isEqualTo(
                history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("case-ended").singleResult());
        assertThat(reads.variables(kase.getId())).extracting(HistoricVariableInstance::getName).contains("amount");
    }

    @Test
    void anUnknownCaseIsNotFound() {
        start("case-known");
        assertThatThrownBy(() -> reads.instance("case-unknown")).isInstanceOfSatisfying(CaseException.class,
                e -> assertThat(e.kind()).isEqualTo(CaseException.Kind.NOT_FOUND));
    }

    private static ProcessInstance start(String caseId) {
        return InMemoryEngine.ENGINE.getRuntimeService().startProcessInstanceByKey("two-steps", caseId, Map.of(
                "amount", 1200L, "name", "星河", "submitted", new Date(), "dropped", "soon gone",
                "scan", Variables.byteArrayValue(new byte[] {1, 2, 3})));
    }
}
