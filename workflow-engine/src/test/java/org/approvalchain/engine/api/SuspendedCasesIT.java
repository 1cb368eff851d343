package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.SharedEngine;
import org.approvalchain.engine.support.Sm2DecisionSigner;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process or case an administrator suspended (Camunda's Cockpit or REST API) refuses a start and
 * the work on its tasks with 409 and a code, not 500; once activated again, the case goes on.
 */
@SharedEngine
class SuspendedCasesIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Map<String, Object> APPLICATION = Map.of("applicantAge", 33, "licenceType", "食品经营许可证");

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Test
    void aSuspendedProcessStartsNoCase() {
        ApiClient officer = ApiClient.demoUser("http://localhost:" + port, "wang.fang");
        repository.suspendProcessDefinitionByKey("licence-application");
        try {
            officer.request("POST", "/api/processes/licence-application/cases",
                    Map.of("application", APPLICATION, "applicant", Map.of("name", "暂停"))).refused(409, "CASE-004");
        } finally {
            repository.activateProcessDefinitionByKey("licence-application");
        }
        assertThat(officer.startCase("licence-application", APPLICATION, Map.of("name", "恢复"))).isNotBlank();
    }

    @Test
    void theTaskOfASuspendedCaseIsNotWorkedUntilItIsActivated() {
        ApiClient officer = ApiClient.demoUser("http://localhost:" + port, "wang.fang");
        String caseId = officer.startCase("licence-application", APPLICATION, Map.of("name", "暂停"));
        String taskId = officer.awaitOpenTask(caseId, "Activity_ReviewApplication", WAIT);
        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult().getId();

        runtime.suspendProcessInstanceById(instanceId);
        try {
            assertThat(officer.askDecisionPayload(taskId, "APPROVE", "材料齐全").refused(409, "TASK-005").path("detail").asText())
                    .contains("suspended");
        } finally {
            runtime.activateProcessInstanceById(instanceId);
        }
        officer.decide(taskId, "APPROVE", "材料齐全", Sm2DecisionSigner.demoUser(SharedEngine.DATA_DIR, "wang.fang")::sign);
        officer.awaitState(caseId, "COMPLETED", WAIT);
    }
}
