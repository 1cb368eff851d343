package org.approvalchain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.support.SharedEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

@SharedEngine
class ApprovalChainApplicationIT {

    @Autowired
    Ledger ledger;

    @Autowired
    TestRestTemplate http;

    @Test
    void startsOnTheEmbeddedLedgerAndReportsItsHealthToAdministrators() {
        assertThat(ledger.status().adapter()).isEqualTo("embedded");
        String health = http.withBasicAuth("demo", "demo").getForObject("/actuator/health", String.class);
        assertThat(health).contains("\"status\":\"UP\"").contains("\"adapter\":\"embedded\"").contains("\"crypto\":\"ECDSA\"");
    }
}
