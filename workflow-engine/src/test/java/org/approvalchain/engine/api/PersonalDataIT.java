package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.Applicants;
import org.approvalchain.engine.support.Reply;
import org.approvalchain.engine.support.SharedEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A case's personal data (the applicant's data and the fields its process declares personal, here
 * {@code applicantAge}) is read through our API by those who handle the case only, and every read
 * is recorded, also of the application a decision payload shows; an administrator lists the reads. Camunda's REST API refuses every variable read
 * (also a message correlation that answers the variables) to anyone but an administrator, whose
 * reads are recorded with the endpoint.
 */
@SharedEngine
class PersonalDataIT {

    private static final String APPLICANT = "qian.yu";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    RuntimeService runtime;

    @BeforeEach
    void applicantHasAnAccount() {
        Applicants.ensure(identity, APPLICANT);
    }

    @Test
    void personalDataIsForThoseWhoHandleTheCaseAndEveryReadIsRecorded() {
        String caseId = client(APPLICANT).startCase("licence-application",
                Map.of("applicantAge", 41, "licenceType", "食品经营许可证"), Map.of("name", "钱宇", "idNumber", "110101198501011234"));

        JsonNode view = client("wang.fang").caseView(caseId);
        assertThat(view.path("variables").has("applicantAge")).as("the case view holds no personal data").isFalse();
        assertThat(view.path("variables").path("licenceType").asText()).isEqualTo("食品经营许可证");

        JsonNode personal = client("wang.fang").request("GET", personalData(caseId), null).accepted();
        assertThat(personal.path("applicant").path("name").asText()).isEqualTo("钱宇");
        assertThat(personal.path("fields").path("applicantAge").asLong()).isEqualTo(41);
        client(APPLICANT).request("GET", personalData(caseId), null).accepted();
        for (String overseerOrStranger : List.of("zheng.lu", "demo", "chen.jie")) {
            Reply refused = client(overseerOrStranger).request("GET", personalData(caseId), null);
            assertThat(refused.status()).as(overseerOrStranger).isEqualTo(403);
            assertThat(refused.reason()).contains(overseerOrStranger + " does not handle case " + caseId);
        }

        JsonNode reads = admin().request("GET", "/api/admin/personal-data-reads?caseId=" + caseId, null).accepted();
        assertThat(reads.path("total").asLong()).isEqualTo(2);
        JsonNode newest = reads.path("reads").get(0);
        assertThat(newest.path("userId").asText()).isEqualTo(APPLICANT);
        JsonNode officers = reads.path("reads").get(1);
        assertThat(officers.path("userId").asText()).isEqualTo("wang.fang");
        assertThat(officers.path("fields")).extracting(JsonNode::asText).containsExactly("applicant", "applicantAge");
        assertThat(officers.path("endpoint").asText()).isEqualTo("GET " + personalData(caseId));
        assertThat(officers.path("readAt").asText()).isNotBlank();

        JsonNode byOfficer = admin().request("GET", "/api/admin/personal-data-reads?caseId=" + caseId
                + "&userId=wang.fang&page=0&size=1", null).accepted();
        assertThat(byOfficer.path("reads")).hasSize(1);
        assertThat(byOfficer.path("total").asLong()).isEqualTo(1);
        Reply notAnAdmin = client("wang.fang").request("GET", "/api/admin/personal-data-reads", null);
        assertThat(notAnAdmin.status()).isEqualTo(403);
    }

    @Test
    void theApplicationInADecisionPayloadIsRecordedAsRead() {
        String caseId = client(APPLICANT).startCase("licence-application",
                Map.of("applicantAge", 44, "licenceType", "食品经营许可证"), Map.of("name", "钱宇"));
        String taskId = client(APPLICANT).awaitOpenTask(caseId, "Activity_ReviewApplication", Duration.ofSeconds(30));

        JsonNode payload = client("wang.fang").askDecisionPayload(taskId, "APPROVE", "材料齐全").accepted();

        assertThat(payload.path("caseState").path("application").path("applicantAge").asLong()).isEqualTo(44);
        JsonNode read = admin().request("GET", "/api/admin/personal-data-reads?userId=wang.fang&caseId=" + caseId, null)
                .accepted().path("reads").get(0);
        assertThat(read.path("endpoint").asText()).isEqualTo("GET /api/tasks/" + taskId + "/decision-payload");
        assertThat(read.path("fields")).extracting(JsonNode::asText).containsExactly("applicantAge");
    }

    @Test
    void camundasApisRefuseVariableReadsToAllButAdministratorsWhoseReadsAreRecorded() {
        String caseId = client(APPLICANT).startCase("licence-application",
                Map.of("applicantAge", 52, "licenceType", "食品经营许可证"), Map.of("name", "钱宇"));
        String taskId = client(APPLICANT).awaitOpenTask(caseId, "Activity_ReviewApplication", Duration.ofSeconds(30));
        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult().getId();
        List<String> reads = List.of(
                "/engine-rest/process-instance/" + instanceId + "/variables",
                "/engine-rest/process-instance/" + instanceId + "/variables/applicant",
                "/engine-rest/execution/" + instanceId + "/localVariables",
                "/engine-rest/task/" + taskId + "/variables",
                "/engine-rest/task/" + taskId + "/variables/applicant",
                "/engine-rest/task/" + taskId + "/form-variables",
                "/engine-rest/variable-instance?processInstanceIdIn=" + instanceId,
                "/engine-rest/history/variable-instance?processInstanceId=" + instanceId,
                "/engine-rest/history/detail?processInstanceId=" + instanceId);

        for (String read : reads) {
            Reply refused = client("wang.fang").request("GET", read, null);
            assertThat(refused.status()).as(read + ": " + refused.text()).isEqualTo(403);
            assertThat(refused.reason()).as(read).contains("PRIVACY-001", "GET /api/cases/{caseId}");
            assertThat(refused.text()).as(read).doesNotContain("钱宇");
        }
        List<String> endpoints = new ArrayList<>();
        for (String read : reads) {
            assertThat(admin().request("GET", read, null).accepted().toString()).as(read).contains("钱宇");
            endpoints.add("GET " + read.replaceAll("\\?.*", ""));
        }

        JsonNode recorded = admin().request("GET", "/api/admin/personal-data-reads?userId=demo&size=500&caseId=" + caseId, null)
                .accepted().path("reads");
        List<String> recordedEndpoints = new ArrayList<>();
        recorded.forEach(read -> {
            assertThat(read.path("fields")).extracting(JsonNode::asText).contains("applicant");
            recordedEndpoints.add(read.path("endpoint").asText());
        });
        assertThat(recordedEndpoints).containsAll(endpoints);
    }

    @Test
    void aMessageCorrelationThroughCamundaAnswersNoVariablesToAnyone() {
        String caseId = client(APPLICANT).startCase("case-messages", Map.of("route", "corrections", "applicantAge", 30,
                "licenceType", "餐饮服务许可证", "floorArea", 80), Map.of("name", "钱宇"));
        Map<String, Object> correlation = Map.of("messageName", "corrections-submitted", "businessKey", caseId,
                "resultEnabled", true, "variablesInResultEnabled", true);

        Reply refused = client("wang.fang").request("POST", "/engine-rest/message", correlation);
        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(refused.reason()).contains("PRIVACY-001");
        Reply administrator = admin().request("POST", "/engine-rest/message", correlation);
        assertThat(administrator.status()).as("messages reach a case only through our API").isEqualTo(403);
        assertThat(administrator.text()).contains("ROUTING-001").doesNotContain("钱宇");
        assertThat(admin().request("GET", "/api/admin/personal-data-reads?userId=demo&caseId=" + caseId, null)
                .accepted().path("reads")).as("nothing read").isEmpty();
    }

    private static String personalData(String caseId) {
        return "/api/cases/" + caseId + "/personal-data";
    }

    private ApiClient client(String user) {
        return ApiClient.demoUser("http://127.0.0.1:" + port, user);
    }

    private ApiClient admin() {
        return ApiClient.of("http://127.0.0.1:" + port, "demo", "demo");
    }
}
