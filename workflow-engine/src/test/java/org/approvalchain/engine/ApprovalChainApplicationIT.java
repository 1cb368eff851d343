package org.approvalchain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.approvalchain.engine.ledger.Ledger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApprovalChainApplicationIT {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("approvalchain.data-dir", dataDir::toString);
    }

    @Autowired
    Ledger ledger;

    @Autowired
    TestRestTemplate http;

    @Test
    void startsOnTheEmbeddedLedgerAndReportsItsHealth() {
        assertThat(ledger.status().adapter()).isEqualTo("embedded");
        String health = http.getForObject("/actuator/health", String.class);
        assertThat(health).contains("\"status\":\"UP\"").contains("\"adapter\":\"embedded\"").contains("\"crypto\":\"ECDSA\"");
    }
}
