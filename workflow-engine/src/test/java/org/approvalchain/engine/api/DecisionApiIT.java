package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.approvalchain.contracts.DecisionRegistryContract;
import org.approvalchain.contracts.EligibilityRuleContract;
import org.approvalchain.engine.chain.Contracts;
import org.approvalchain.engine.crypto.CanonicalJson;
import org.approvalchain.engine.crypto.Sm3;
import org.approvalchain.engine.ledger.CallResult;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.SharedEngine;
import org.approvalchain.engine.support.Sm2DecisionSigner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.web3j.utils.Numeric;

/**
 * The approval flow through our REST API, as clients use it: a key enrolled by the approver, cases
 * started, payloads fetched and signed on the client, decisions posted; and every forged,
 * unsigned, replayed or unauthorised path refused.
 */
@SharedEngine
class DecisionApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Sm2DecisionSigner LI_NA = Sm2DecisionSigner.generate();

    @Autowired
    TestRestTemplate http;

    @Autowired
    Ledger ledger;

    @Autowired
    Contracts contracts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void drivesACaseToItsEndWithAClientSignedDecisionRecordedOnChain() throws Exception {
        registerKey("li.na", LI_NA);
        String caseId = startCase(30);
        String taskId = awaitTask("li.na", caseId);
        JsonNode payload = payload("li.na", taskId, "APPROVE", "材料齐全，符合条件");
        String signature = LI_NA.sign(payload.get("payload").asText());

        ResponseEntity<String> recorded = post("li.na", "/api/tasks/" + taskId + "/decision", decision(payload, signature));
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode receipt = JSON.readTree(recorded.getBody());
        assertThat(receipt.get("decisionTxHash").asText()).startsWith("0x");
        assertThat(receipt.get("stepBlock").asLong()).isPositive();

        JsonNode kase = await(() -> getJson("li.na", "/api/cases/" + caseId), c -> "COMPLETED".equals(c.get("state").asText()));
        assertThat(kase.get("steps")).hasSize(3).allSatisfy(step -> {
            assertThat(step.get("stepTxHash").asText()).startsWith("0x");
            assertThat(step.get("stepBlock").asLong()).isPositive();
        });
        assertThat(kase.get("variables").has("applicant")).isFalse();
        assertThat(kase.toString()).doesNotContain("110101199001011234");

        JsonNode done = getJson("li.na", "/api/tasks/done");
        assertThat(done.findParents("taskId")).as("li.na's done list (已办)").anySatisfy(d -> {
            assertThat(d.get("taskId").asText()).isEqualTo(taskId);
            assertThat(d.get("decision").asText()).isEqualTo("APPROVE");
            assertThat(d.get("state").asText()).isEqualTo("RECORDED");
            assertThat(d.get("decisionTxHash").asText()).isEqualTo(receipt.get("decisionTxHash").asText());
        });

        DecisionRegistryContract registry = new DecisionRegistryContract(contracts.codec());
        CallResult onChain = ledger.call(null, contracts.address(DecisionRegistryContract.NAME), registry.getDecision(caseId, taskId));
        var decision = registry.decodeDecision(onChain.output()).orElseThrow();
        assertThat(decision.approverId()).isEqualTo("li.na");
        assertThat(decision.decision()).isEqualTo(DecisionRegistryContract.Decision.APPROVE);
        assertThat(Numeric.toHexString(decision.payloadHash())).isEqualTo(payload.get("sm3").asText());
        assertThat(decision.signature()).isEqualTo(Base64.getDecoder().decode(signature));

        JsonNode audit = getJson("wang.fang", "/api/cases/" + caseId + "/audit");
        assertThat(audit).hasSize(3);
        assertThat(audit.get(0).get("contract").asText()).isEqualTo("EligibilityRule");
        EligibilityRuleContract rule = new EligibilityRuleContract(contracts.codec());
        String ruleAddress = contracts.address(EligibilityRuleContract.NAME);
        assertThat(audit.get(0).get("ruleVersion").asLong()).as("the version the rule had when it ran, as on chain now")
                .isEqualTo(rule.decodeRuleVersion(ledger.call(null, ruleAddress, rule.ruleVersion()).output()));
        assertThat(audit.get(0).get("contractAddress").asText()).isEqualTo(ruleAddress);
        assertThat(audit.get(0).get("contractCodeSm3").asText()).isEqualTo(Sm3.hex(ledger.code(ruleAddress)));
        assertThat(audit.get(0).get("inputsHash").asText()).startsWith("0x");
        JsonNode review = audit.get(1);
        assertThat(review.get("approver").asText()).isEqualTo("li.na");
        assertThat(review.get("decision").asText()).isEqualTo("APPROVE");
        assertThat(review.get("reasons").asText()).isEqualTo("材料齐全，符合条件");
        assertThat(review.get("signatureVerifies").asBoolean()).isTrue();
        assertThat(review.get("callTxHash").asText()).isEqualTo(receipt.get("decisionTxHash").asText());
        assertThat(review.get("contract").asText()).isEqualTo(DecisionRegistryContract.NAME);
        assertThat(review.get("contractAddress").asText()).isEqualTo(contracts.address(DecisionRegistryContract.NAME));
        assertThat(audit.get(2).get("function").asText()).isEqualTo("issue");

        jdbc.update("UPDATE ac_decision SET signature_b64 = ? WHERE task_id = ?",
                Sm2DecisionSigner.generate().sign(payload.get("payload").asText()), taskId);
        assertThat(getJson("wang.fang", "/api/cases/" + caseId + "/audit").get(1).get("signatureVerifies").asBoolean()).isFalse();
    }

    @Test
    void refusesUnsignedForgedForeignAndReplayedDecisions() throws Exception {
        registerKey("li.na", LI_NA);
        String taskA = awaitTask("li.na", startCase(40));
        String taskB = awaitTask("li.na", startCase(41));
        JsonNode payloadA = payload("li.na", taskA, "REJECT", "缺少材料");
        String signedA = LI_NA.sign(payloadA.get("payload").asText());

        assertRefused(post("li.na", "/api/tasks/" + taskA + "/decision", decision(payloadA, "")), HttpStatus.BAD_REQUEST, "signature");
        assertRefused(post("li.na", "/api/tasks/" + taskA + "/decision", decision(payloadA, "not base64!")),
                HttpStatus.BAD_REQUEST, "NOT_BASE64");
        assertRefused(post("li.na", "/api/tasks/" + taskA + "/decision",
                decision(payloadA, Sm2DecisionSigner.generate().sign(payloadA.get("payload").asText()))), HttpStatus.BAD_REQUEST, "DOES_NOT_VERIFY");
        String otherReasons = payloadA.get("payload").asText().replace("缺少材料", "材料齐全");
        assertRefused(post("li.na", "/api/tasks/" + taskA + "/decision",
                Map.of("payload", otherReasons, "signature", signedA)), HttpStatus.BAD_REQUEST, "DOES_NOT_VERIFY");
        assertRefused(post("li.na", "/api/tasks/" + taskB + "/decision", decision(payloadA, signedA)),
                HttpStatus.BAD_REQUEST, "not for this task");
        assertRefused(post("zhao.lei", "/api/tasks/" + taskA + "/decision", decision(payloadA, signedA)),
                HttpStatus.FORBIDDEN, "neither the assignee nor a candidate");
        String tooLong = "x".repeat(2001);
        assertRefused(http.withBasicAuth("li.na", "li.na").getForEntity("/api/tasks/" + taskA
                + "/decision-payload?decision=REJECT&reason=" + tooLong, String.class), HttpStatus.BAD_REQUEST, "at most 2000");
        String longReasons = payloadA.get("payload").asText().replace("缺少材料", tooLong);
        assertRefused(post("li.na", "/api/tasks/" + taskA + "/decision", Map.of("payload", longReasons,
                "signature", LI_NA.sign(longReasons))), HttpStatus.BAD_REQUEST, "DECISION-002");
        assertThat(getJson("li.na", "/api/tasks/" + taskA + "/decision-payload?decision=REJECT&reason=" + "x".repeat(2000))
                .get("payload").asText()).as("2000 characters are taken").contains("x".repeat(2000));

        ResponseEntity<String> viaCamunda = http.withBasicAuth("li.na", "li.na").exchange(
                "/engine-rest/task/" + taskB + "/complete", HttpMethod.POST, jsonBody(Map.of()), String.class);
        assertThat(viaCamunda.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(viaCamunda.getBody()).contains("DECISION-001");
        ResponseEntity<String> viaForm = http.withBasicAuth("li.na", "li.na").exchange(
                "/engine-rest/task/" + taskB + "/submit-form", HttpMethod.POST, jsonBody(Map.of()), String.class);
        assertThat(viaForm.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(viaForm.getBody()).contains("DECISION-001");
        assertThat(tasksOf("li.na")).contains(taskB);

        ResponseEntity<String> recorded = post("li.na", "/api/tasks/" + taskA + "/decision", decision(payloadA, signedA));
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> sentAgain = post("li.na", "/api/tasks/" + taskA + "/decision", decision(payloadA, signedA));
        assertThat(sentAgain.getStatusCode()).as("the same signed decision sent again: its receipt").isEqualTo(HttpStatus.OK);
        assertThat(JSON.readTree(sentAgain.getBody())).isEqualTo(JSON.readTree(recorded.getBody()));
        assertRefused(post("li.na", "/api/tasks/" + taskA + "/decision", decision(payloadA,
                LI_NA.sign(payloadA.get("payload").asText()))), HttpStatus.NOT_FOUND, "no open task");
    }

    @Test
    void showsTheCaseStateItCoversAndRefusesADecisionOnACaseChangedSinceThePayloadWasIssued() throws Exception {
        registerKey("li.na", LI_NA);
        String caseId = startCase(33);
        String taskId = awaitTask("li.na", caseId);
        JsonNode issued = payload("li.na", taskId, "APPROVE", "符合条件");
        JsonNode state = issued.get("caseState");
        // every declared field, an optional one not given as null (licence-application's enterpriseName, filled from a licence)
        assertThat(state.get("application")).isEqualTo(JSON.readTree(
                "{\"applicantAge\":33,\"enterpriseName\":null,\"licenceType\":\"食品经营许可证\"}"));
        assertThat(state.get("applicantHash").asText())
                .isEqualTo(Sm3.hex(CanonicalJson.object(Map.of("name", "张三", "idNumber", "110101199001011234"))));
        assertThat(state.toString()).doesNotContain("张三", "110101199001011234");
        assertThat(state.get("steps")).singleElement().satisfies(step -> {
            assertThat(step.get("activityInstance").asText()).isEqualTo("Activity_CheckEligibility#1");
            assertThat(step.get("kind").asText()).isEqualTo("AUTOMATIC");
            assertThat(step.get("contract").asText()).isEqualTo("EligibilityRule");
            assertThat(step.get("resultHash").asText()).isEqualTo(jdbc.queryForObject(
                    "SELECT result_hash FROM ac_case_step WHERE case_id = ?", String.class, caseId));
        });
        String caseStateSm3 = Sm3.hex(CanonicalJson.object(JSON.convertValue(state, Map.class)));
        assertThat(issued.get("payload").asText()).contains("\"caseState\":\"" + caseStateSm3 + "\"");

        String instance = jdbc.queryForObject("SELECT PROC_INST_ID_ FROM ACT_RU_TASK WHERE ID_ = ?", String.class, taskId);
        jdbc.update("UPDATE ACT_RU_VARIABLE SET TEXT_ = '营业执照' WHERE NAME_ = 'licenceType' AND PROC_INST_ID_ = ?", instance);
        assertRefused(post("li.na", "/api/tasks/" + taskId + "/decision", decision(issued, LI_NA.sign(issued.get("payload").asText()))),
                HttpStatus.CONFLICT, "the case changed since the payload was issued: application field 'licenceType' was "
                        + "食品经营许可证, is now 营业执照; fetch a fresh payload");
        assertThat(tasksOf("li.na")).contains(taskId);

        JsonNode fresh = payload("li.na", taskId, "APPROVE", "符合条件");
        assertThat(fresh.get("caseState").get("application").get("licenceType").asText()).isEqualTo("营业执照");
        assertThat(post("li.na", "/api/tasks/" + taskId + "/decision", decision(fresh, LI_NA.sign(fresh.get("payload").asText())))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("SELECT case_state FROM ac_decision WHERE task_id = ?", String.class, taskId))
                .isEqualTo(CanonicalJson.text(JSON.convertValue(fresh.get("caseState"), Map.class)));
    }

    @Test
    void refusesAPayloadOfFormatOne() throws Exception {
        registerKey("li.na", LI_NA);
        String taskId = awaitTask("li.na", startCase(34));
        String current = payload("li.na", taskId, "APPROVE", "").get("payload").asText();
        String formatOne = current.replaceFirst("\"caseState\":\"0x[0-9a-f]{64}\",", "").replace("\"v\":2}", "\"v\":1}");

        assertRefused(post("li.na", "/api/tasks/" + taskId + "/decision", Map.of("payload", formatOne, "signature",
                LI_NA.sign(formatOne))), HttpStatus.BAD_REQUEST, "payload format v=1 has no caseState and is no longer accepted");
    }

    @Test
    void tasksAndPayloadsAreForCandidatesOnly() throws Exception {
        String taskId = awaitTask("li.na", startCase(35));
        assertThat(tasksOf("wang.fang")).contains(taskId);
        assertThat(tasksOf("zhao.lei")).doesNotContain(taskId);
        assertThat(http.withBasicAuth("li.na", "li.na").getForObject("/engine-rest/task", String.class)).contains(taskId);
        assertThat(http.withBasicAuth("zhao.lei", "zhao.lei").getForObject("/engine-rest/task", String.class)).doesNotContain(taskId);
        assertThat(http.withBasicAuth("zhao.lei", "zhao.lei").getForEntity(
                "/api/tasks/" + taskId + "/decision-payload?decision=APPROVE", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/tasks", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // (a wrong password locks a Camunda user for a few seconds, so it is tried on a user of its own)
        assertThat(http.withBasicAuth("ghost", "wrong").getForEntity("/api/tasks", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertRefused(http.withBasicAuth("li.na", "li.na").getForEntity(
                "/api/tasks/" + taskId + "/decision-payload?decision=MAYBE", String.class), HttpStatus.BAD_REQUEST, "MAYBE");
    }

    @Test
    void theEligibilityRuleRejectsAnIneligibleApplicationOnChain() throws Exception {
        String caseId = startCase(12);
        JsonNode kase = await(() -> getJson("li.na", "/api/cases/" + caseId), c -> "COMPLETED".equals(c.get("state").asText()));
        assertThat(kase.get("variables").get("eligible").asBoolean()).isFalse();
        assertThat(kase.get("openTasks")).isEmpty();
        JsonNode step = kase.get("steps").get(0);
        assertThat(step.get("contract").asText()).isEqualTo("EligibilityRule");
        assertThat(step.get("resultJson").asText()).contains("\"eligible\":false");
        assertThat(step.get("callTxHash").asText()).startsWith("0x");
    }

    @Test
    void aContractRevertRoutesTheCaseThroughItsBpmnError() throws Exception {
        ResponseEntity<String> started = post("li.na", "/api/processes/revert-routing/cases",
                Map.of("application", Map.of("documentHash", "0x" + "ab".repeat(32))));
        String caseId = JSON.readTree(started.getBody()).get("caseId").asText();
        JsonNode kase = await(() -> getJson("li.na", "/api/cases/" + caseId), c -> "COMPLETED".equals(c.get("state").asText()));
        JsonNode step = kase.get("steps").get(0);
        assertThat(step.get("callStatus").asInt()).isEqualTo(16);
        assertThat(step.get("revertReason").asText()).isEqualTo("DocumentEvidence: unknown document");
        assertThat(kase.get("variables").get("revertReason").asText()).isEqualTo("DocumentEvidence: unknown document");
    }

    @Test
    void badRequestsGetProblemDetailsAndTheApiIsDescribed() {
        assertRefused(post("li.na", "/api/processes/licence-application/cases",
                Map.of("application", Map.of("nested", Map.of("a", 1)))), HttpStatus.BAD_REQUEST, "application field 'nested'");
        assertRefused(post("li.na", "/api/processes/no-such-process/cases", Map.of("application", Map.of())),
                HttpStatus.NOT_FOUND, "no-such-process");
        assertRefused(http.withBasicAuth("li.na", "li.na").getForEntity("/api/cases/unknown", String.class),
                HttpStatus.NOT_FOUND, "no case unknown");
        assertThat(http.getForObject("/v3/api-docs", String.class)).contains("/api/tasks/{taskId}/decision")
                .contains("/api/processes/{processKey}/cases");
    }

    @Test
    void showsTheLedgerAndKeepsCamundaRestBehindAuthentication() throws Exception {
        JsonNode status = getJson("wang.fang", "/api/ledger/status");
        assertThat(status.get("ledger").get("adapter").asText()).isEqualTo("embedded");
        assertThat(status.get("ledger").get("crypto").asText()).isEqualTo("ECDSA");
        assertThat(status.get("contracts").get("CaseLedger").asText()).startsWith("0x");
        JsonNode block = getJson("wang.fang", "/api/ledger/blocks/1");
        assertThat(block.get("transactionHashes")).hasSize(1);
        assertRefused(http.withBasicAuth("wang.fang", "wang.fang").getForEntity("/api/ledger/blocks/999999", String.class),
                HttpStatus.NOT_FOUND, "no block 999999");
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    // --- the client side ---

    private void registerKey(String userId, Sm2DecisionSigner key) {
        String base = http.getRootUri();
        ApiClient.demoUser(base, userId).ensureKey(key.publicKeyPem(), key::sign, ApiClient.of(base, "demo", "demo"),
                ApiClient.demoUser(base, "he.ping"));
    }

    private String startCase(int applicantAge) throws Exception {
        ResponseEntity<String> response = post("li.na", "/api/processes/licence-application/cases", Map.of(
                "application", Map.of("applicantAge", applicantAge, "licenceType", "食品经营许可证"),
                "applicant", Map.of("name", "张三", "idNumber", "110101199001011234")));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        return JSON.readTree(response.getBody()).get("caseId").asText();
    }

    private String awaitTask(String user, String caseId) throws Exception {
        JsonNode task = await(() -> {
            for (JsonNode t : getJson(user, "/api/tasks")) {
                if (caseId.equals(t.get("caseId").asText())) {
                    return t;
                }
            }
            return null;
        }, t -> t != null);
        return task.get("taskId").asText();
    }

    private List<String> tasksOf(String user) throws Exception {
        return getJson(user, "/api/tasks").findValuesAsText("taskId");
    }

    private JsonNode payload(String user, String taskId, String decision, String reason) throws Exception {
        return getJson(user, "/api/tasks/" + taskId + "/decision-payload?decision=" + decision + "&reason=" + reason);
    }

    private static Map<String, String> decision(JsonNode payload, String signature) {
        return Map.of("payload", payload.get("payload").asText(), "signature", signature);
    }

    private JsonNode getJson(String user, String path) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth(user, user).getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(response.getBody());
    }

    private ResponseEntity<String> post(String user, String path, Object body) {
        return http.withBasicAuth(user, user).exchange(path, HttpMethod.POST, jsonBody(body), String.class);
    }

    private static HttpEntity<Object> jsonBody(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static void assertRefused(ResponseEntity<String> response, HttpStatus status, String detail) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).contains(detail).doesNotContain("\tat org.");
    }

    private static <T> T await(ThrowingSupplier<T> value, java.util.function.Predicate<T> done) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        T last = value.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not reached within 30 s; last value: " + last);
            }
            Thread.sleep(100);
            last = value.get();
        }
        return last;
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
