package org.approvalchain.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
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
 * same rows in the same order, with their values (numbers, text, dates, booleans, nulls, bytes,
 * task-local ones), deleted variables left out, the open tasks of a running case with the candidates
 * their identity links name and none of an ended one, the due dates of the timers asked for, the
 * variables a task and its execution see (the nearest scope's value of a name). The variables of
 * the types Camunda keeps in plain columns are read from them, those of a case with any other type
 * through Camunda.
 */
class CaseReadsTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = InMemoryEngine.extension();

    private final HistoryService history = InMemoryEngine.ENGINE.getHistoryService();
    private final TaskService tasks = InMemoryEngine.ENGINE.getTaskService();
    private final CaseReads reads = InMemoryEngine.reads(InMemoryEngine.ENGINE);
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
        assertThat(reads.instance("case-a").getStartUserId()).isEqualTo("wang.fang");
        assertThat(reads.variables(kase.getId())).as("a case with bytes, read through Camunda")
                .usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(camundas(kase.getId()));
        assertThat(reads.variables(kase.getId())).extracting(CaseVariable::name)
                .contains("amount", "name", "submitted", "scan", "note").doesNotContain("dropped");
        assertThat(reads.variables(kase.getId())).filteredOn(v -> v.name().equals("note"))
                .extracting(CaseVariable::processLevel).containsExactly(false);
        assertThat(reads.linkedTasks(kase.getId())).extracting(LinkedTask::task).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(tasks.createTaskQuery().processInstanceId(kase.getId()).list());
        assertThat(reads.caseIdOf(kase.getId())).isEqualTo("case-a");
        assertThat(reads.linkedTask(review.getId())).get().extracting(LinkedTask::task).usingRecursiveComparison()
                .isEqualTo(tasks.createTaskQuery().taskId(review.getId()).singleResult());
    }

    @Test
    void anEndedCaseIsStillFoundAndHasNoOpenTasks() {
        ProcessInstance kase = start("case-ended");
        Task review = tasks.createTaskQuery().processInstanceId(kase.getId()).singleResult();
        tasks.complete(tasks.createTaskQuery().processInstanceId(kase.getId()).singleResult().getId());
        tasks.complete(tasks.createTaskQuery().processInstanceId(kase.getId()).singleResult().getId());

        assertThat(reads.instance("case-ended").getEndTime()).isNotNull();
        assertThat(reads.linkedTasks(kase.getId())).isEmpty();
        assertThat(reads.linkedTask(review.getId())).isEmpty();
        assertThatThrownBy(() -> reads.caseIdOf(kase.getId())).isInstanceOfSatisfying(CaseException.class,
                e -> assertThat(e.kind()).isEqualTo(CaseException.Kind.NOT_FOUND));
        assertThat(reads.instance("case-ended")).usingRecursiveComparison().isEqualTo(
                history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("case-ended").singleResult());
        assertThat(reads.variables(kase.getId())).extracting(CaseVariable::name).contains("amount");
    }

    @Test
    void variablesOfThePlainTypesAreReadFromTheirColumnsAsCamundaReadsThem() {
        Map<String, Object> values = new HashMap<>(Map.of("text", "星河 ✓", "count", 7L, "small", 3, "smaller", (short) 2,
                "yes", true, "no", false, "when", new Date(1_700_000_000_123L), "ratio", 0.25, "dropped", "soon gone"));
        values.put("nothing", null);
        ProcessInstance kase = InMemoryEngine.ENGINE.getRuntimeService().startProcessInstanceByKey("two-steps", "case-plain",
                Variables.fromMap(values).putValueTyped("unknown", Variables.booleanValue(null)));
        tasks.setVariableLocal(tasks.createTaskQuery().processInstanceId(kase.getId()).singleResult().getId(), "note", 5L);
        InMemoryEngine.ENGINE.getRuntimeService().removeVariable(kase.getId(), "dropped");

        List<CaseVariable> read = reads.variables(kase.getId());
        assertThat(read).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(camundas(kase.getId()));
        assertThat(read).extracting(CaseVariable::name).hasSize(11).doesNotContain("dropped");
        assertThat(read).extracting(CaseVariable::value).filteredOn(Objects::nonNull).hasOnlyElementsOfTypes(String.class,
                Long.class, Integer.class, Short.class, Boolean.class, Date.class, Double.class).hasSize(9);
    }

    @Test
    void theVariablesVisibleFromATaskAreThoseCamundaGivesForItAndForItsExecution() {
        Deployment scopes = InMemoryEngine.ENGINE.getRepositoryService().createDeployment()
                .addModelInstance("scopes.bpmn", Bpmn.createExecutableProcess("scopes").startEvent()
                        .subProcess("inner").camundaInputParameter("shadowed", "inner").camundaInputParameter("innerOnly", "yes")
                        .embeddedSubProcess().startEvent().parallelGateway("fork")
                        .userTask("left").endEvent()
                        .moveToNode("fork").userTask("right").endEvent()
                        .subProcessDone().endEvent().done())
                .deploy();
        try {
            RuntimeService runtime = InMemoryEngine.ENGINE.getRuntimeService();
            Map<String, Object> values = Map.of("name", "星河", "amount", 5L, "shadowed", "process", "since", new Date(1_700_000_000_123L));
            ProcessInstance kase = runtime.startProcessInstanceByKey("scopes", "case-scopes", values);
            runtime.startProcessInstanceByKey("scopes", "case-beside", Map.of("name", "other", "shadowed", "other"));
            Task left = tasks.createTaskQuery().processInstanceId(kase.getId()).taskDefinitionKey("left").singleResult();
            Task right = tasks.createTaskQuery().processInstanceId(kase.getId()).taskDefinitionKey("right").singleResult();
            tasks.setVariableLocal(left.getId(), "shadowed", "task");
            tasks.setVariableLocal(left.getId(), "note", 7);
            tasks.setVariableLocal(left.getId(), "amount", null);
            runtime.setVariableLocal(left.getExecutionId(), "branch", true);

            for (Task task : List.of(left, right)) {
                assertThat(reads.taskVariables(task)).as(task.getTaskDefinitionKey()).isEqualTo(new HashMap<>(tasks.getVariables(task.getId())));
                assertThat(reads.executionVariables(task)).as(task.getTaskDefinitionKey())
                        .isEqualTo(new HashMap<>(runtime.getVariables(task.getExecutionId())));
            }
            assertThat(reads.taskVariables(left)).containsEntry("shadowed", "task").containsEntry("note", 7)
                    .containsEntry("branch", true).containsEntry("innerOnly", "yes").containsEntry("amount", null);
            assertThat(reads.executionVariables(left)).containsEntry("amount", 5L);
            assertThat(reads.executionVariables(left)).containsEntry("shadowed", "inner").doesNotContainKey("note");
            assertThat(reads.taskVariables(right)).containsEntry("shadowed", "inner").doesNotContainKeys("note", "branch");

            runtime.setVariable(kase.getId(), "scan", Variables.byteArrayValue(new byte[] {1, 2, 3}));
            assertThat(reads.taskVariables(left)).as("with bytes, read through Camunda").usingRecursiveComparison()
                    .isEqualTo(new HashMap<>(tasks.getVariables(left.getId())));
            assertThat(reads.taskVariables(left).get("scan")).isEqualTo(new byte[] {1, 2, 3});
        } finally {
            InMemoryEngine.ENGINE.getRepositoryService().deleteDeployment(scopes.getId(), true);
        }
    }

    @Test
    void readsEachOpenTaskWithTheCandidatesItsIdentityLinksName() {
        ProcessInstance kase = start("case-links");
        start("case-other");
        Task review = tasks.createTaskQuery().processInstanceId(kase.getId()).singleResult();
        tasks.addCandidateGroup(review.getId(), "clerks");
        tasks.addCandidateUser(review.getId(), "li.na");
        tasks.addCandidateUser(review.getId(), "zhao.lei");
        tasks.addUserIdentityLink(review.getId(), "follower.one", "follower");
        tasks.addGroupIdentityLink(review.getId(), "followers", "follower");
        tasks.setAssignee(review.getId(), "chen.jie");

        LinkedTask linked = reads.linkedTasks(kase.getId()).get(0);
        assertThat(reads.linkedTasks(kase.getId())).hasSize(1);
        assertThat(linked.task()).usingRecursiveComparison().isEqualTo(tasks.createTaskQuery().taskId(review.getId()).singleResult());
        assertThat(linked.candidateGroups()).containsExactlyInAnyOrderElementsOf(candidates(review.getId(), IdentityLink::getGroupId))
                .containsExactlyInAnyOrder("officers", "clerks");
        assertThat(linked.candidateUsers()).containsExactlyInAnyOrderElementsOf(candidates(review.getId(), IdentityLink::getUserId))
                .containsExactlyInAnyOrder("li.na", "zhao.lei");
        assertThat(reads.linkedTask(review.getId())).get().usingRecursiveComparison().isEqualTo(linked);
    }

    @Test
    void readsTheTasksAndCaseIdsAskedForAtOnceLeavingOutThoseEnded() {
        ProcessInstance first = start("case-one");
        ProcessInstance second = start("case-two");
        ProcessInstance ended = start("case-gone");
        start("case-not-asked");
        Task one = tasks.createTaskQuery().processInstanceId(first.getId()).singleResult();
        Task two = tasks.createTaskQuery().processInstanceId(second.getId()).singleResult();
        Task gone = tasks.createTaskQuery().processInstanceId(ended.getId()).singleResult();
        tasks.addCandidateUser(two.getId(), "li.na");
        tasks.complete(gone.getId());
        tasks.complete(tasks.createTaskQuery().processInstanceId(ended.getId()).singleResult().getId());

        List<LinkedTask> read = reads.linkedTasks(List.of(one.getId(), two.getId(), gone.getId()));
        assertThat(read).extracting(l -> l.task().getId()).containsExactlyInAnyOrder(one.getId(), two.getId());
        for (LinkedTask linked : read) {
            assertThat(linked).usingRecursiveComparison().isEqualTo(reads.linkedTask(linked.task().getId()).orElseThrow());
        }
        assertThat(reads.linkedTasks(List.<String>of())).isEmpty();
        assertThat(reads.caseIdsOf(List.of(first.getId(), second.getId(), ended.getId())))
                .containsExactlyInAnyOrderEntriesOf(Map.of(first.getId(), "case-one", second.getId(), "case-two"));
        assertThat(reads.caseIdsOf(List.of())).isEmpty();
    }

    @Test
    void readsTheDueDatesOfTheTimersOfTheCasesAndEventsAsked() {
        Deployment timed = InMemoryEngine.ENGINE.getRepositoryService().createDeployment()
                .addModelInstance("timed.bpmn", Bpmn.createExecutableProcess("timed").startEvent()
                        .userTask("review").boundaryEvent("limit").cancelActivity(false).timerWithDuration("P3D").endEvent()
                        .moveToActivity("review").boundaryEvent("reminder").cancelActivity(false).timerWithDuration("P1D").endEvent()
                        .moveToActivity("review").endEvent().done())
                .deploy();
        try {
            ProcessInstance one = InMemoryEngine.ENGINE.getRuntimeService().startProcessInstanceByKey("timed", "case-t1");
            ProcessInstance two = InMemoryEngine.ENGINE.getRuntimeService().startProcessInstanceByKey("timed", "case-t2");
            InMemoryEngine.ENGINE.getRuntimeService().startProcessInstanceByKey("timed", "case-t3");

            assertThat(reads.timers(List.of(one.getId(), two.getId()), List.of("limit")))
                    .containsExactlyInAnyOrderElementsOf(camundasTimers(List.of(one.getId(), two.getId()), "limit")).hasSize(2);
            assertThat(reads.timers(List.of(one.getId()), List.of("limit", "reminder")))
                    .containsExactlyInAnyOrderElementsOf(camundasTimers(List.of(one.getId()), "limit", "reminder")).hasSize(2);
            assertThat(reads.timers(List.of(one.getId()), List.of("no-such-event"))).isEmpty();
            assertThat(reads.timers(List.of(), List.of("limit"))).isEmpty();
        } finally {
            InMemoryEngine.ENGINE.getRepositoryService().deleteDeployment(timed.getId(), true);
        }
    }

    @Test
    void anUnknownCaseIsNotFound() {
        start("case-known");
        assertThatThrownBy(() -> reads.instance("case-unknown")).isInstanceOfSatisfying(CaseException.class,
                e -> assertThat(e.kind()).isEqualTo(CaseException.Kind.NOT_FOUND));
    }

    /** The candidates a task's identity links name, as Camunda's identity link command reads them. */
    private List<String> candidates(String taskId, Function<IdentityLink, String> who) {
        return tasks.getIdentityLinksForTask(taskId).stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(who).filter(Objects::nonNull).toList();
    }

    /** The timers of these process instances on these events, as Camunda's job and job definition queries read them. */
    private static List<CaseReads.TimerDue> camundasTimers(List<String> processInstanceIds, String... events) {
        ManagementService management = InMemoryEngine.ENGINE.getManagementService();
        Map<String, String> eventOfDefinition = new HashMap<>();
        management.createJobDefinitionQuery().activityIdIn(events).list()
                .forEach(definition -> eventOfDefinition.put(definition.getId(), definition.getActivityId()));
        return management.createJobQuery().timers().processInstanceIds(new HashSet<>(processInstanceIds)).list().stream()
                .filter(job -> eventOfDefinition.containsKey(job.getJobDefinitionId()))
                .map(job -> new CaseReads.TimerDue(job.getProcessInstanceId(), eventOfDefinition.get(job.getJobDefinitionId()),
                        job.getDuedate().toInstant()))
                .toList();
    }

    /** The case's variables as Camunda's query builder reads them. */
    private List<CaseVariable> camundas(String processInstanceId) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list().stream()
                .map(CaseVariable::of).toList();
    }

    /** A case started by an authenticated user (its start user), with variables of several types, bytes among them. */
    private static ProcessInstance start(String caseId) {
        InMemoryEngine.ENGINE.getIdentityService().setAuthenticatedUserId("wang.fang");
        try {
            return startWithBytes(caseId);
        } finally {
            InMemoryEngine.ENGINE.getIdentityService().clearAuthentication();
        }
    }

    private static ProcessInstance startWithBytes(String caseId) {
        return InMemoryEngine.ENGINE.getRuntimeService().startProcessInstanceByKey("two-steps", caseId, Map.of(
                "amount", 1200L, "name", "星河", "submitted", new Date(), "dropped", "soon gone",
                "scan", Variables.byteArrayValue(new byte[] {1, 2, 3})));
    }
}
