package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.engine.process.EngineCommands;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.Applicants;
import org.approvalchain.engine.support.BusinessRegistration;
import org.approvalchain.engine.support.SharedEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * Cases are private to those involved: the applicant, the officers of the case's process, legal
 * reviewers and administrators read a case, its audit trail and its verification; so does a user
 * one of its tasks names, while the task is open and afterwards; an officer of another office gets
 * 403, and reading a case asks Camunda for none of its process instance, variables, open tasks,
 * their candidates or timers (their rows are read directly). Automation maps likewise, for the process's officers and reviewers.
 */
@SharedEngine
class CaseAccessIT {

    private static final String APPLICANT = "wu.qiang";

    @Autowired
    TestRestTemplate http;

    @Autowired
    IdentityService identity;

    @Autowired
    EngineCommands commands;

    @Autowired
    ProcessEngine engine;

    @LocalServerPort
    int port;

    @BeforeEach
    void applicantHasAnAccount() {
        Applicants.ensure(identity, APPLICANT);
    }

    @Test
    void aCaseIsReadByThoseItInvolvesAndRefusedToAnotherOffice() {
        String caseId = http.withBasicAuth(APPLICANT, APPLICANT).postForObject("/api/processes/licence-application/cases",
                Map.of("application", Map.of("applicantAge", 30, "licenceType", "食品经营许可证"), "applicant", Map.of("name", "吴强")),
                Map.class).get("caseId").toString();

        for (String path : new String[] {"", "/audit", "/verify"}) {
            assertThat(status(APPLICANT, "/api/cases/" + caseId + path)).as("applicant " + path).isEqualTo(HttpStatus.OK);
            assertThat(status("wang.fang", "/api/cases/" + caseId + path)).as("officer " + path).isEqualTo(HttpStatus.OK);
            assertThat(status("zheng.lu", "/api/cases/" + caseId + path)).as("legal reviewer " + path).isEqualTo(HttpStatus.OK);
            assertThat(status("demo", "/api/cases/" + caseId + path)).as("administrator " + path).isEqualTo(HttpStatus.OK);
            assertThat(status("chen.jie", "/api/cases/" + caseId + path)).as("another office " + path)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.withBasicAuth("chen.jie", "chen.jie").getForObject("/api/cases/" + caseId, String.class))
                .contains("chen.jie is not involved in case " + caseId);
        assertThat(status("chen.jie", "/api/cases/no-such-case")).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aCaseIsReadWithoutCamundasQueries() {
        String caseId = BusinessRegistration.atTheOfficersReview(ApiClient.demoUser("http://localhost:" + port, APPLICANT),
                Duration.ofSeconds(30));
        long before = camundasQueries();

        JsonNode view = ApiClient.demoUser("http://localhost:" + port, "chen.jie").caseView(caseId);

        assertThat(camundasQueries() - before).isZero();
        assertThat(view.path("openTasks").path(0).path("candidateGroups").get(0).asText()).isEqualTo("registration-officers");
        assertThat(view.path("openTasks").path(0).path("deadline").isTextual()).as("the time limit's timer read").isTrue();
    }

    /**
     * Camunda's queries so far, built or native, of what a look at a case reads directly (see
     * CaseReads): its process instance, variables, open tasks, their candidates and timers.
     */
    private long camundasQueries() {
        return Stream.of("HistoricProcessInstanceQueryImpl", "NativeHistoricProcessInstanceQueryImpl",
                "HistoricVariableInstanceQueryImpl", "NativeHistoricVariableInstanceQueryImpl", "TaskQueryImpl",
                "NativeTaskQueryImpl", "GetIdentityLinksForTaskCmd", "JobQueryImpl", "JobDefinitionQueryImpl")
                .mapToLong(commands::count).sum();
    }

    @Test
    void aUserATaskNamesReadsTheCaseWhileTheTaskIsOpenAndAfterwards() {
        String caseId = http.withBasicAuth(APPLICANT, APPLICANT).postForObject("/api/processes/licence-application/cases",
                Map.of("application", Map.of("applicantAge", 32, "licenceType", "食品经营许可证"), "applicant", Map.of("name", "吴强")),
                Map.class).get("caseId").toString();
        String taskId = ApiClient.demoUser("http://localhost:" + port, APPLICANT)
                .awaitTask(caseId, "an open task", task -> true, Duration.ofSeconds(30)).path("taskId").asText();
        assertThat(status("chen.jie", "/api/cases/" + caseId)).as("before the task names him").isEqualTo(HttpStatus.FORBIDDEN);

        // as a process that names him would: TaskService refuses to change a guarded task's candidates (DECISION-010)
        candidate(taskId, task -> task.addCandidateUser("chen.jie"));
        assertThat(status("chen.jie", "/api/cases/" + caseId)).as("a candidate of an open task").isEqualTo(HttpStatus.OK);

        candidate(taskId, task -> task.deleteCandidateUser("chen.jie"));
        assertThat(status("chen.jie", "/api/cases/" + caseId)).as("a candidate of the task once").isEqualTo(HttpStatus.OK);
        assertThat(status("chen.jie", "/api/cases/" + caseId + "/audit")).as("its audit trail").isEqualTo(HttpStatus.OK);
    }

    /** Changes the task's identity links inside an engine command of its own, as the engine's own code does. */
    private void candidate(String taskId, Consumer<TaskEntity> change) {
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(context -> {
            change.accept(context.getTaskManager().findTaskById(taskId));
            return null;
        });
    }

    @Test
    void anAutomationMapIsReadByTheProcesssOfficersDesignersAndReviewers() {
        String map = "/api/processes/licence-application/versions/1/automation-map";
        assertThat(status("wang.fang", map)).isEqualTo(HttpStatus.OK);
        assertThat(status("zheng.lu", map)).isEqualTo(HttpStatus.OK);
        assertThat(status("lin.hua", map)).isEqualTo(HttpStatus.OK);
        assertThat(status("chen.jie", map)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(APPLICANT, map)).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private HttpStatus status(String user, String path) {
        String password = "demo".equals(user) ? "demo" : user;
        return HttpStatus.valueOf(http.withBasicAuth(user, password).getForEntity(path, String.class).getStatusCode().value());
    }
}
