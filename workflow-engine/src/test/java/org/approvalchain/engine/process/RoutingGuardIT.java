package org.approvalchain.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.Reply;
import org.approvalchain.engine.support.SharedEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Nobody routes a case around its signed step: a candidate who rewrites what the officer will sign
 * on, and an administrator who moves the case past the review or sets its decision, are refused
 * with 403 through Camunda's REST API, and the case stays where it was with its data unchanged.
 */
@SharedEngine
class RoutingGuardIT {

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Test
    void refusesVariableWritesAndModificationsAroundTheReview() {
        ApiClient applicant = ApiClient.demoUser("http://127.0.0.1:" + port, "li.na");
        String caseId = applicant.startCase("licence-application", Map.of("applicantAge", 30, "licenceType", "食品经营许可证"),
                Map.of("name", "赵一"));
        String taskId = applicant.awaitOpenTask(caseId, "Activity_ReviewApplication", Duration.ofSeconds(30));
        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult().getId();
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

    private static void assertRefused(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(403);
        assertThat(reply.text()).contains("ROUTING-001");
    }
}
