package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.OwnEngine;
import org.approvalchain.engine.support.Sm2DecisionSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** SM end to end (密评): an SM2-signed decision, SM3 hashes, on a chain in SM mode, read back decoded by the chain explorer. */
// an engine of its own, under its own name: Camunda's REST API finds engines by name, and the
// engine the shared ITs use is "default" (names may not contain hyphens); closed after the class
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"approvalchain.ledger.crypto=sm",
        "camunda.bpm.process-engine-name=smchain"})
@DirtiesContext
@OwnEngine
class SmChainIT {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("approvalchain.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Test
    void runsACaseToItsEndOnAnSmChain() {
        assertThat(ledger.status().crypto()).isEqualTo(ChainCrypto.SM);
        ApiClient wangFang = ApiClient.demoUser("http://localhost:" + port, "wang.fang");
        String caseId = wangFang.startCase("licence-application", Map.of("applicantAge", 45, "licenceType", "营业执照"),
                Map.of("name", "李四"));
        String taskId = wangFang.awaitOpenTask(caseId, "Activity_ReviewApplication", Duration.ofSeconds(30));
        JsonNode recorded = wangFang.decide(taskId, "APPROVE", "符合条件", Sm2DecisionSigner.demoUser(dataDir, "wang.fang")::sign);
        assertThat(recorded.get("decisionTxHash").asText()).startsWith("0x");

        JsonNode kase = wangFang.awaitState(caseId, "COMPLETED", Duration.ofSeconds(30));
        assertThat(kase.get("steps")).hasSize(3);
        assertThat(ledger.receipt(recorded.get("stepTxHash").asText())).get()
                .satisfies(receipt -> assertThat(receipt.succeeded()).isTrue());
        // the chain explorer decodes by the SM build's ABI: SM3 selectors and topics
        JsonNode decision = wangFang.request("GET", "/api/chain/transactions/" + recorded.get("decisionTxHash").asText(), null)
                .accepted();
        assertThat(decision.path("contract").asText() + "." + decision.path("function").asText())
                .isEqualTo("CaseLedger.recordCall");
        JsonNode forwarded = decision.path("forwarded");
        assertThat(forwarded.path("contract").asText() + "." + forwarded.path("function").asText())
                .isEqualTo("DecisionRegistry.recordDecision");
        assertThat(forwarded.path("arguments").get(0).path("value").asText()).isEqualTo(caseId);
        assertThat(decision.path("events").findValuesAsText("name")).contains("DecisionRecorded", "StepRecorded");
    }
}
