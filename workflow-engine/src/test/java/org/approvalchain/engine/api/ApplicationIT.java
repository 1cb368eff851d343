package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.approvalchain.engine.support.SharedEngine;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * An application is checked against the fields its process declares before a case starts: an empty
 * or mistyped one is refused with 400 naming every field, and no case is left hanging; a field the
 * engine keeps for itself (such as {@code decision}) cannot be given.
 */
@SharedEngine
class ApplicationIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    HistoryService history;

    @Test
    void refusesAnEmptyApplicationNamingEveryMissingField() {
        long before = history.createHistoricProcessInstanceQuery().processDefinitionKey("real-estate-transfer").count();

        ResponseEntity<String> refused = start("real-estate-transfer", Map.of());

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("'propertyCertificateNo' is required", "'sellerRef' is required",
                "'buyerRef' is required", "'taxVoucherNo' is required");
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("real-estate-transfer").count())
                .isEqualTo(before);
    }

    @Test
    void refusesAMistypedFieldAndAFieldTheEngineKeeps() {
        ResponseEntity<String> refused = start("licence-application",
                Map.of("applicantAge", "thirty", "licenceType", "食品经营许可证", "decision", "APPROVE"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("'applicantAge': thirty is not a whole number",
                "application field 'decision' is kept by the engine");
    }

    private ResponseEntity<String> start(String processKey, Map<String, Object> application) {
        return http.withBasicAuth("wang.fang", "wang.fang").postForEntity("/api/processes/" + processKey + "/cases",
                Map.of("application", application, "applicant", Map.of("name", "张三")), String.class);
    }
}
