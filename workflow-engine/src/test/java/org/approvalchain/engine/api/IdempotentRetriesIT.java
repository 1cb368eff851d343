package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.Reply;
import org.approvalchain.engine.support.SharedEngine;
import org.approvalchain.engine.support.Sm2DecisionSigner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Clients that lost an answer and send the same request again (docs/engine.md, "Retries"): a signed
 * decision sent again answers its receipt, or 202 with where to ask while it is being recorded; a
 * start sent again with its Idempotency-Key answers the case it opened and opens no other.
 */
@SharedEngine
class IdempotentRetriesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CASES = "/api/processes/licence-application/cases";
    private static final Map<String, Object> APPLICATION = Map.of("applicantAge", 36, "licenceType", "营业执照");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSameSignedDecisionSentAgainAnswersTheSameReceipt() throws Exception {
        ApiClient wangFang = client("wang.fang");
        String caseId = wangFang.startCase("licence-application", APPLICATION, Map.of("name", "赵六"));
        String taskId = wangFang.awaitOpenTask(caseId, "Activity_ReviewApplication", Duration.ofSeconds(30));
        String payload = wangFang.decisionPayload(taskId, "APPROVE", "材料齐全");
        String signature = Sm2DecisionSigner.demoUser(SharedEngine.DATA_DIR, "wang.fang").sign(payload);
        assertThat(JSON.readTree(payload).path("processDefinitionId").asText())
                .as("the full Camunda id, as docs/decision-payload.md says")
                .isEqualTo(wangFang.caseView(caseId).path("processDefinitionId").asText())
                .matches("licence-application:\\d+:.+");

        JsonNode receipt = wangFang.submitDecision(taskId, payload, signature).accepted();
        Reply again = wangFang.submitDecision(taskId, payload, signature);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(receipt);
        JsonNode status = wangFang.request("GET", decision(taskId), null).accepted();
        assertThat(status.path("state").asText()).isEqualTo("RECORDED");
        assertThat(status.path("receipt")).isEqualTo(receipt);

        assertThat(wangFang.submitDecision(taskId, payload,
                Sm2DecisionSigner.demoUser(SharedEngine.DATA_DIR, "wang.fang").sign(payload)).status())
                .as("a new signature is a new submission: the task is closed").isEqualTo(404);
        client("li.na").submitDecision(taskId, payload, signature).refused(404, "TASK-001");
        client("li.na").request("GET", decision(taskId), null).refused(403, "DECISION-008");
        wangFang.request("GET", decision("no-such-task"), null).refused(404, "DECISION-007");

        jdbc.update("UPDATE ac_decision SET state = 'SIGNED' WHERE task_id = ?", taskId);
        try {
            Reply beingRecorded = wangFang.submitDecision(taskId, payload, signature);
            assertThat(beingRecorded.status()).isEqualTo(202);
            assertThat(beingRecorded.header("Location")).isEqualTo(decision(taskId));
            assertThat(beingRecorded.body().path("state").asText()).isEqualTo("SIGNED");
        } finally {
            jdbc.update("UPDATE ac_decision SET state = 'RECORDED' WHERE task_id = ?", taskId);
        }
    }

    @Test
    void aStartSentAgainWithItsIdempotencyKeyOpensNoSecondCase() {
        ApiClient wangFang = client("wang.fang");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> start = Map.of("application", APPLICATION, "applicant", Map.of("name", "钱七"));

        Reply first = wangFang.request("POST", CASES, start, key);
        assertThat(first.status()).isEqualTo(201);
        String caseId = first.body().path("caseId").asText();
        Reply again = wangFang.request("POST", CASES, start, key);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("caseId").asText()).isEqualTo(caseId);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Location")).isEqualTo("/api/cases/" + caseId);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?", Long.class, caseId))
                .isEqualTo(1);

        wangFang.request("POST", CASES, Map.of("application", Map.of("applicantAge", 37,
                "licenceType", "营业执照")), key).refused(409, "CASE-001");
        Reply otherUser = client("li.na").request("POST", CASES, start, key);
        assertThat(otherUser.status()).as("keys are each user's own").isEqualTo(201);
        assertThat(otherUser.body().path("caseId").asText()).isNotEqualTo(caseId);
        wangFang.request("POST", CASES, start, Map.of("Idempotency-Key", "two words")).refused(400, "CASE-002");
    }

    private static String decision(String taskId) {
        return "/api/tasks/" + taskId + "/decision";
    }

    private ApiClient client(String user) {
        return ApiClient.demoUser("http://localhost:" + port, user);
    }
}
