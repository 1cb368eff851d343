package org.approvalchain.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.BusinessRegistration;
import org.approvalchain.engine.support.Reply;
import org.approvalchain.engine.support.SharedEngine;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Nobody routes a case around its signed step: a candidate who rewrites what the officer will sign
 * on, ends the task by an error or hands it to someone else, and an administrator who moves the
 * case past the review, sets its decision, signals it on, sends it a message, deletes its time
 * limit or deletes the task or the case's history, are refused with 403 through Camunda's REST
 * API, and the case stays where it was with its data unchanged. An administrator may run its time
 * limit at once (the acceptance tests let a limit pass so); the verifier then reports it.
 */
@SharedEngine
class RoutingGuardIT {

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Test
    void refusesVariableWritesAndModificationsAroundTheReview() {
        ApiClient applicant = ApiClient.demoUser("http://127.0.0.1:" + port, "li.na");
        String caseId = applicant.startCase("licence-application", Map.of("applicantAge", 30, "licenceType", "食品经营许可证"),
                Map.of("name", "赵一"));
        String taskId = applicant.awaitOpenTask(caseId, "Activity_ReviewApplication", Duration.ofSeconds(30));
        String instanceId = instanceOf(caseId);
        ApiClient candidate = ApiClient.demoUser("http://127.0.0.1:" + port, "wang.fang");
        ApiClient admin = ApiClient.of("http://127.0.0.1:" + port, "demo", "demo");

        assertRefused(candidate.request("PUT", "/engine-rest/task/" + taskId + "/variables/licenceType",
                Map.of("value", "导游证", "type", "String")));
        assertRefused(candidate.request("POST", "/engine-rest/task/" + taskId + "/variables",
                Map.of("modifications", Map.of("applicantHash", Map.of("value", "0x00", "type", "String")))));
        assertRefused(admin.request("PUT", "/engine-rest/process-instance/" + instanceId + "/variables/decision",
                Map.of("value", "APPROVE", "type", "String")));
        assertRefused(admin.request("POST", "/engine-rest/process-instance/" + instanceId + "/modification",
                Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", "Activity_ReviewApplication"),
                        Map.of("type", "startBeforeActivity", "activityId", "Activity_IssueLicence")))));

        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isOne();
        assertThat(runtime.getVariable(instanceId, "licenceType")).isEqualTo("食品经营许可证");
        assertThat(runtime.getVariable(instanceId, "decision")).isNull();
    }

    @Test
    void refusesEndingTheOfficersTaskOtherwiseThanBySigningAndHandingItToAnotherUser() {
        String base = "http://127.0.0.1:" + port;
        String caseId = BusinessRegistration.atTheOfficersReview(ApiClient.demoUser(base, "wang.fang"), Duration.ofSeconds(60));
        String instanceId = instanceOf(caseId);
        Task review = tasks.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey("Activity_OfficerReview").singleResult();
        String timer = management.createJobQuery().processInstanceId(instanceId).timers().singleResult().getId();
        ApiClient officer = ApiClient.demoUser(base, "chen.jie");
        ApiClient admin = ApiClient.of(base, "demo", "demo");
        Map<String, Object> approve = Map.of("decision", Map.of("value", "APPROVE", "type", "String"));

        assertRefused(officer.request("POST", "/engine-rest/task/" + review.getId() + "/bpmnError",
                Map.of("errorCode", "X", "variables", approve)));
        assertRefused(officer.request("POST", "/engine-rest/task/" + review.getId() + "/bpmnEscalation",
                Map.of("escalationCode", "E", "variables", approve)));
        assertRefused(admin.request("POST", "/engine-rest/execution/" + review.getExecutionId() + "/signal",
                Map.of("variables", approve)));
        assertRefused(admin.request("POST", "/engine-rest/message", Map.of("messageName", "time-limit-extension-requested",
                "businessKey", caseId, "processVariables", Map.of("submittedAt", Map.of("value", 4102444800000L, "type", "Long")))));
        assertRefused(admin.request("DELETE", "/engine-rest/job/" + timer, null));
        assertRefused(admin.request("DELETE", "/engine-rest/task/" + review.getId(), null));
        assertRefused(admin.request("DELETE", "/engine-rest/history/process-instance/" + instanceId, null));
        String definition = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult()
                .getProcessDefinitionId();
        assertRefused(admin.request("DELETE", "/engine-rest/process-definition/" + definition + "?cascade=true", null));
        for (Reply handedOver : List.of(
                officer.request("POST", "/engine-rest/task/" + review.getId() + "/assignee", Map.of("userId", "wang.fang")),
                officer.request("POST", "/engine-rest/task/" + review.getId() + "/claim", Map.of("userId", "wang.fang")),
                officer.request("POST", "/engine-rest/task/" + review.getId() + "/identity-links",
                        Map.of("userId", "wang.fang", "type", "candidate")),
                admin.request("POST", "/engine-rest/task/" + review.getId() + "/delegate", Map.of("userId", "liu.yang")),
                admin.request("PUT", "/engine-rest/task/" + review.getId(), Map.of("name", "x", "assignee", "liu.yang")))) {
            assertThat(handedOver.status()).as(handedOver.text()).isEqualTo(403);
            assertThat(handedOver.text()).contains("DECISION-010");
        }
        ApiClient stranger = ApiClient.demoUser(base, "he.bo");
        for (Reply refused : List.of(
                stranger.request("POST", "/engine-rest/task/" + review.getId() + "/claim", Map.of("userId", "he.bo")),
                stranger.request("POST", "/engine-rest/task/" + review.getId() + "/complete", Map.of()))) {
            assertThat(refused.status()).as(refused.text()).isEqualTo(403);
            assertThat(refused.text()).as("what a user outside the case learns").doesNotContain(review.getName());
        }
        assertThat(officer.request("POST", "/engine-rest/task/" + review.getId() + "/complete", Map.of()).text())
                .as("what the officer learns").contains(review.getName());

        Task after = tasks.createTaskQuery().taskId(review.getId()).singleResult();
        assertThat(after).as("the officer's task, still open").isNotNull();
        assertThat(after.getAssignee()).isNull();
        assertThat(after.getName()).isEqualTo(review.getName());
        assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getUserId).containsOnlyNulls();
        assertThat(tasks.createTaskQuery().processInstanceId(instanceId).list()).as("no extension task opened").hasSize(1);
        assertThat(management.createJobQuery().jobId(timer).count()).as("the time limit, still set").isOne();
        assertThat(runtime.getVariable(instanceId, "decision")).isNull();
    }

    @Test
    void aRefusedCallToRunTheTimeLimitLeavesItAsItWas() {
        String base = "http://127.0.0.1:" + port;
        String caseId = BusinessRegistration.atTheOfficersReview(ApiClient.demoUser(base, "wang.fang"), Duration.ofSeconds(60));
        String instanceId = instanceOf(caseId);
        Job timer = management.createJobQuery().processInstanceId(instanceId).timers().singleResult();

        // Camunda would count each refusal as a failure of the job: a retry less, due again a moment later
        for (String user : List.of("zhang.wei", "chen.jie", "zhang.wei")) {
            Reply refused = ApiClient.demoUser(base, user).request("POST", "/engine-rest/job/" + timer.getId() + "/execute", null);
            assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        }

        Job after = management.createJobQuery().jobId(timer.getId()).singleResult();
        assertThat(after.getRetries()).isEqualTo(timer.getRetries());
        assertThat(after.getDuedate()).isEqualTo(timer.getDuedate());
        assertThat(after.getExceptionMessage()).isNull();
        assertThat(runtime.getVariable(instanceId, "submittedAt")).isNotEqualTo(4102444800000L);
    }

    @Test
    void aTimeLimitAnAdministratorRunsBeforeItIsDueIsReportedByTheVerifier() {
        String base = "http://127.0.0.1:" + port;
        String caseId = BusinessRegistration.atTheOfficersReview(ApiClient.demoUser(base, "wang.fang"), Duration.ofSeconds(60));
        String instanceId = instanceOf(caseId);
        Job timer = management.createJobQuery().processInstanceId(instanceId).timers().singleResult();
        String timerActivity = management.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId()).singleResult()
                .getActivityId();
        ApiClient admin = ApiClient.of(base, "demo", "demo");
        assertThat(admin.request("GET", "/api/cases/" + caseId + "/verify", null).body().get("clean").asBoolean()).isTrue();

        admin.camundaPost("/job/" + timer.getId() + "/execute", null); // allowed: the acceptance tests let a time limit pass so

        JsonNode verified = admin.request("GET", "/api/cases/" + caseId + "/verify", null).body();
        assertThat(verified.get("clean").asBoolean()).isFalse();
        assertThat(verified.get("findings")).singleElement().satisfies(finding -> {
            assertThat(finding.get("kind").asText()).isEqualTo("EARLY");
            assertThat(finding.get("subject").asText()).isEqualTo(timerActivity);
            assertThat(finding.get("engine").asText()).startsWith("run by demo at ");
            assertThat(finding.get("chain").asText()).isEqualTo("due " + timer.getDuedate().toInstant());
        });
    }

    private String instanceOf(String caseId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult().getId();
    }

    private static void assertRefused(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(403);
        assertThat(reply.text()).contains("ROUTING-001");
    }
}
