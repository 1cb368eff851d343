package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.contracts.LicenseRegistryContract;
import org.approvalchain.engine.chain.Contracts;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.Applicants;
import org.approvalchain.engine.support.BusinessRegistration;
import org.approvalchain.engine.support.SharedEngine;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The chain explorer on the real engine and its embedded chain: a completed case's transactions
 * decode into the contract, function and arguments the engine sent, searches by case id and by
 * licence number find the right transactions, and nobody sees what they may not.
 */
@SharedEngine
class ChainExplorerIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    Contracts contracts;

    private static String caseId;
    private static JsonNode completedCase;
    private ApiClient reviewer;

    @BeforeEach
    void aCompletedBusinessRegistration() {
        reviewer = ApiClient.demoUser(base(), "zheng.lu");
        if (caseId == null) {
            ApiClient applicant = ApiClient.demoUser(base(), Applicants.ensure(identity, "explorer." + UUID.randomUUID()));
            caseId = BusinessRegistration.approved(base(), applicant, WAIT);
            completedCase = reviewer.caseView(caseId);
        }
    }

    @Test
    void decodesACompletedCasesContractStepIntoTheFunctionAndArgumentsTheEngineSent() {
        JsonNode tx = reviewer.request("GET", "/api/chain/transactions/" + step("Activity_CheckMaterials").path("callTxHash").asText(),
                null).accepted();

        assertThat(tx.path("contract").asText()).isEqualTo("CaseLedger");
        assertThat(tx.path("function").asText()).isEqualTo("recordCall");
        assertThat(values(tx.path("arguments"))).containsEntry("caseId", caseId).containsEntry("activityInstanceId", "Activity_CheckMaterials#1");
        JsonNode call = tx.path("forwarded");
        assertThat(call.path("contract").asText()).isEqualTo("EligibilityRule");
        assertThat(call.path("function").asText()).isEqualTo("evaluate");
        assertThat(call.path("signature").asText()).isEqualTo("evaluate(string,bytes32,uint256)");
        assertThat(values(call.path("arguments"))).containsEntry("caseId", caseId).containsEntry("value", "5")
                .containsKey("criterion");
        assertThat(tx.path("succeeded").asBoolean()).isTrue();
        assertThat(tx.path("caseId").asText()).isEqualTo(caseId);
        assertThat(tx.path("subject").asText()).isEqualTo("Activity_CheckMaterials#1/step");
        assertThat(tx.path("events")).anySatisfy(e -> {
            assertThat(e.path("name").asText()).isEqualTo("Evaluated");
            assertThat(values(e.path("fields"))).containsEntry("caseId", caseId).containsEntry("eligible", "true");
        });

        JsonNode issue = reviewer.request("GET", "/api/chain/transactions/" + step("Activity_IssueLicence").path("callTxHash").asText(),
                null).accepted();
        assertThat(issue.path("forwarded").path("contract").asText()).isEqualTo("LicenseRegistry");
        assertThat(issue.path("forwarded").path("function").asText()).isEqualTo("issue");
        assertThat(values(issue.path("forwarded").path("arguments"))).containsEntry("licenseNo", caseId)
                .containsEntry("licenseType", "营业执照 business licence");
        assertThat(issue.path("events")).extracting(e -> e.path("name").asText()).contains("LicenseIssued");
    }

    @Test
    void findsEveryTransactionOfACaseByItsIdInChainOrder() {
        JsonNode found = reviewer.request("GET", "/api/chain/search?q=" + caseId, null).accepted();

        List<String> hashes = texts(found.path("transactions"), "hash");
        List<String> expected = StreamSupport.stream(completedCase.path("steps").spliterator(), false)
                .flatMap(s -> s.path("callTxHash").isTextual() ? List.of(s.path("callTxHash").asText(), s.path("stepTxHash").asText()).stream()
                        : List.of(s.path("stepTxHash").asText()).stream()).distinct().toList();
        assertThat(hashes).containsAll(expected);
        assertThat(texts(found.path("transactions"), "function")).as("each step, the decision's too, one recordCall")
                .containsOnly("recordCall").hasSize(5);
        assertThat(found.path("transactions")).extracting(t -> t.path("forwarded").path("contract").asText() + "."
                + t.path("forwarded").path("function").asText()).as("the call each one made, listed too")
                .contains("EligibilityRule.evaluate", "LicenseRegistry.issue", "DecisionRegistry.recordDecision");
        assertThat(found.path("transactions")).allSatisfy(t -> assertThat(t.path("caseId").asText()).isEqualTo(caseId));
        assertThat(found.path("transactions")).extracting(t -> t.path("blockNumber").asLong()).isSorted();
    }

    @Test
    void findsTheTransactionsThatIssuedAndRevokedALicenceByItsNumber() {
        String number = "TEST-" + UUID.randomUUID();
        LicenseRegistryContract registry = new LicenseRegistryContract(contracts.codec());
        long now = Instant.now().toEpochMilli();
        String issued = contracts.send("test/licence/" + number, LicenseRegistryContract.NAME,
                registry.issue(number, "测试证照", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
                        21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}, now, now + 86_400_000L)).transactionHash();
        String revoked = contracts.send("test/licence/" + number + "/revoke", LicenseRegistryContract.NAME,
                registry.revoke(number, "测试撤销")).transactionHash();

        JsonNode found = reviewer.request("GET", "/api/chain/search?q=" + number, null).accepted();

        assertThat(texts(found.path("transactions"), "hash")).containsExactly(issued, revoked);
        assertThat(texts(found.path("transactions"), "function")).containsExactly("issue", "revoke");
        ApiClient.demoUser(base(), "chen.jie").request("GET", "/api/chain/search?q=" + number, null).refused(404, "EXPLORER-001");
        ApiClient.demoUser(base(), "chen.jie").request("GET", "/api/chain/transactions/" + issued, null).refused(403, "EXPLORER-002");
    }

    @Test
    void anUnknownOrMalformedHashIsRefusedWithItsCode() {
        reviewer.request("GET", "/api/chain/transactions/0x" + "0".repeat(64), null).refused(404, "EXPLORER-001");
        reviewer.request("GET", "/api/chain/transactions/0x1234", null).refused(400, "EXPLORER-003");
        reviewer.request("GET", "/api/chain/search?q=" + URLEncoder.encode("no such thing 无", StandardCharsets.UTF_8), null)
                .refused(404, "EXPLORER-001");
        reviewer.request("GET", "/api/chain/search?q=", null).refused(400, "EXPLORER-003");
        reviewer.request("GET", "/api/chain/blocks?count=0", null).refused(400, "EXPLORER-003");
        reviewer.request("GET", "/api/chain/blocks/999999999", null).refused(404, "EXPLORER-001");
    }

    @Test
    void anApproverSeesTheTransactionsOfTheCasesTheyHandleAndNoOthers() {
        String issue = step("Activity_IssueLicence").path("callTxHash").asText();
        long block = step("Activity_IssueLicence").path("callBlock").asLong();
        ApiClient handling = ApiClient.demoUser(base(), "chen.jie");
        ApiClient other = ApiClient.demoUser(base(), "liu.yang");

        assertThat(handling.request("GET", "/api/chain/transactions/" + issue, null).accepted().path("forwarded").path("function")
                .asText()).isEqualTo("issue");
        assertThat(other.request("GET", "/api/chain/transactions/" + issue, null).status()).isIn(403, 404);
        assertThat(other.request("GET", "/api/chain/search?q=" + caseId, null).status()).isIn(403, 404);
        assertThat(other.request("GET", "/api/chain/search?q=" + issue, null).status()).isIn(403, 404);
        JsonNode blockSeenByOther = other.request("GET", "/api/chain/blocks/" + block, null).accepted();
        assertThat(texts(blockSeenByOther.path("transactions"), "hash")).doesNotContain(issue);
        assertThat(blockSeenByOther.path("hiddenTransactions").asInt()).isPositive();
        assertThat(texts(reviewer.request("GET", "/api/chain/blocks/" + block, null).accepted().path("transactions"), "hash"))
                .contains(issue);
    }

    @Test
    void listsTheLatestBlocksNewestFirst() {
        JsonNode blocks = reviewer.request("GET", "/api/chain/blocks?count=5", null).accepted();

        assertThat(blocks).hasSize(5);
        assertThat(blocks).extracting(b -> b.path("number").asLong()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(blocks.get(0).path("hash").asText()).startsWith("0x");
        assertThat(reviewer.request("GET", "/api/chain/blocks/" + blocks.get(4).path("number").asLong(), null).accepted()
                .path("latest").asBoolean()).as("a block with others after it").isFalse();
    }

    private JsonNode step(String activityId) {
        return StreamSupport.stream(completedCase.path("steps").spliterator(), false)
                .filter(s -> activityId.equals(s.path("activityId").asText())).findFirst().orElseThrow();
    }

    private static Map<String, String> values(JsonNode list) {
        Map<String, String> values = new LinkedHashMap<>();
        list.forEach(v -> values.put(v.path("name").asText(), v.path("value").asText()));
        return values;
    }

    private static List<String> texts(JsonNode list, String field) {
        return StreamSupport.stream(list.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
