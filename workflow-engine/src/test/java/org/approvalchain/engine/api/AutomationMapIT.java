package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.approvalchain.contracts.DefinitionRegistryContract.DefinitionAnchor;
import org.approvalchain.contracts.DefinitionRegistryContract;
import org.approvalchain.contracts.EligibilityRuleContract;
import org.approvalchain.engine.chain.Contracts;
import org.approvalchain.engine.crypto.Sm3;
import org.approvalchain.engine.ledger.CallResult;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.support.SharedEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.web3j.utils.Numeric;

/**
 * The automation map of the demo process as served in its three formats, checked against what the
 * chain holds: the map hash and the BPMN hash anchored in DefinitionRegistry at start-up.
 */
@SharedEngine
class AutomationMapIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MAP = "/api/processes/licence-application/versions/1/automation-map";

    @Autowired
    TestRestTemplate http;

    @Autowired
    Ledger ledger;

    @Autowired
    Contracts contracts;

    @Autowired
    RepositoryService repository;

    @Test
    void servesAJsonMapWhoseHashesAreTheOnesAnchoredOnChain() throws Exception {
        JsonNode served = JSON.readTree(get(MAP).getBody());

        DefinitionAnchor onChain = anchorOnChain("licence-application");
        assertThat(served.get("mapHash").asText()).isEqualTo(Numeric.toHexString(onChain.automationMapHash()));
        assertThat(served.get("bpmnHash").asText()).isEqualTo(deployedBpmnSm3("licence-application"))
                .isEqualTo(Numeric.toHexString(onChain.bpmnHash()));
        assertThat(served.get("matchesChain").asBoolean()).isTrue();
        assertThat(served.get("anchor").get("txHash").asText()).startsWith("0x");
        assertThat(served.get("anchor").get("blockNumber").asLong()).isPositive();
        assertThat(ledger.receipt(served.get("anchor").get("txHash").asText())).hasValueSatisfying(r ->
                assertThat(r.succeeded()).isTrue());

        JsonNode map = served.get("map");
        assertThat(map.get("steps")).extracting(s -> s.get("id").asText())
                .containsExactlyInAnyOrder("Activity_CheckEligibility", "Activity_ReviewApplication", "Activity_IssueLicence");
        assertThat(map.get("totals").get("automatic").asLong()).isEqualTo(2);
        assertThat(map.get("totals").get("manual").asLong()).isEqualTo(1);
        JsonNode eligibility = step(map, "Activity_CheckEligibility");
        assertThat(eligibility.get("contract").asText()).isEqualTo(EligibilityRuleContract.NAME);
        assertThat(eligibility.get("codeHash").asText())
                .isEqualTo(Sm3.hex(ledger.code(contracts.address(EligibilityRuleContract.NAME))));
        assertThat(ledger.code(contracts.address(EligibilityRuleContract.NAME))).isNotEmpty();
        assertThat(step(map, "Activity_ReviewApplication").get("candidateGroups").toString()).contains("licensing-officers");
        assertThat(served.fieldNames()).toIterable().containsExactlyInAnyOrder("map", "order", "departments", "mapHash", "bpmnHash",
                "anchor", "matchesChain");
        assertThat(served.get("departments").get("Activity_IssueLicence").get("id").asText()).isEqualTo("government-service-center");
        assertThat(served.get("order")).extracting(JsonNode::asText)
                .containsExactly("Activity_CheckEligibility", "Activity_ReviewApplication", "Activity_IssueLicence");
    }

    @ParameterizedTest
    @CsvSource({"business-registration, 4, 0, 3, 登记员审查 Registration officer decides",
            "real-estate-transfer, 5, 0, 3, 人工复核自动化结果 Human review of the automated result",
            "cross-province-service, 5, 1, 2, 窗口身份核验 Window clerk confirms identity and originals",
            "einvoice-reimbursement, 2, 0, 1, 财务审核 Finance officer examines and decides",
            "einvoice-red-letter, 1, 0, 0, 开具红字发票并冲销原票 Issue the red-letter invoice, reverse the original",
            "relief-fund, 3, 0, 5, 民政部门负责人审批 Head of department signs off",
            "public-tendering, 4, 0, 2, 评标委员会成员评审并签署 Committee member evaluates and signs",
            "tender-bid, 2, 0, 0, 开标：核对密封承诺 Opening: reveal checked against the commitment"})
    void mapsEachReferenceProcessInEveryFormatWithItsHashesAnchoredOnChain(String key, long automatic, long assisted,
                                                                          long manual, String stepName) throws Exception {
        String path = "/api/processes/" + key + "/versions/1/automation-map";
        JsonNode served = JSON.readTree(get(path).getBody());
        DefinitionAnchor onChain = anchorOnChain(key);
        assertThat(served.get("mapHash").asText()).isEqualTo(Numeric.toHexString(onChain.automationMapHash()));
        assertThat(served.get("bpmnHash").asText()).isEqualTo(deployedBpmnSm3(key)).isEqualTo(Numeric.toHexString(onChain.bpmnHash()));
        assertThat(served.get("matchesChain").asBoolean()).isTrue();
        JsonNode totals = served.get("map").get("totals");
        assertThat(List.of(totals.get("automatic").asLong(), totals.get("assisted").asLong(), totals.get("manual").asLong()))
                .containsExactly(automatic, assisted, manual);

        assertThat(get(path + "?format=html").getBody()).contains(stepName, "一致 matches the chain");
        ResponseEntity<byte[]> csv = http.withBasicAuth("zheng.lu", "zheng.lu").getForEntity(path + "?format=csv", byte[].class);
        assertThat(new String(csv.getBody(), StandardCharsets.UTF_8)).startsWith("\uFEFF\"step_id\"").contains(stepName);
    }

    @Test
    void servesPrintableHtmlAndCsvWithTheStepsAndTheirLegalBases() {
        ResponseEntity<String> html = get(MAP + "?format=html");
        assertThat(html.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(html.getBody()).contains("审核申请 Review application", "资格核验 Check eligibility",
                "核发电子证照 Issue the licence", "《中华人民共和国行政许可法》第三十四条第三款", "国务院令第716号",
                "一致 matches the chain");

        ResponseEntity<byte[]> csv = http.withBasicAuth("zheng.lu", "zheng.lu").getForEntity(MAP + "?format=csv", byte[].class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        String text = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF\"step_id\"").contains("\"Activity_ReviewApplication\"", "第三十八条第二款");
        assertThat(text.indexOf("\"Activity_ReviewApplication\"")).as("process order")
                .isBetween(text.indexOf("\"Activity_CheckEligibility\""), text.indexOf("\"Activity_IssueLicence\""));
    }

    @Test
    void answersUnknownVersionsFormatsAndAnonymousCallersWithAProblem() {
        ResponseEntity<String> unknown = get("/api/processes/licence-application/versions/99/automation-map");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).contains("licence-application", "99");
        ResponseEntity<String> badFormat = get(MAP + "?format=pdf");
        assertThat(badFormat.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badFormat.getBody()).contains("pdf", "json, html, csv");
        assertThat(http.getForEntity(MAP, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<String> get(String path) {
        return http.withBasicAuth("zheng.lu", "zheng.lu").getForEntity(path, String.class);
    }

    private DefinitionAnchor anchorOnChain(String key) {
        DefinitionRegistryContract registry = new DefinitionRegistryContract(contracts.codec());
        CallResult result = ledger.call("", contracts.address(DefinitionRegistryContract.NAME),
                registry.getAnchor(key, 1));
        return registry.decodeAnchor(result.output()).orElseThrow();
    }

    private String deployedBpmnSm3(String key) throws Exception {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .processDefinitionVersion(1).singleResult();
        try (InputStream bpmn = repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
            return Sm3.hex(bpmn.readAllBytes());
        }
    }

    private static JsonNode step(JsonNode map, String id) {
        for (JsonNode step : map.get("steps")) {
            if (step.get("id").asText().equals(id)) {
                return step;
            }
        }
        throw new AssertionError("no step " + id);
    }
}
