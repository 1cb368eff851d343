package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.Reply;
import org.approvalchain.engine.support.SharedEngine;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * An application is checked against the fields its process declares before a case starts: an empty
 * or mistyped one is refused with 400 naming every field, and no case is left hanging; a field the
 * engine keeps for itself (such as {@code decision}) cannot be given. The same check holds for a
 * start through Camunda's REST API (start, submit-form: 400) and through the Java API.
 */
@SharedEngine
class ApplicationIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    HistoryService history;

    @Autowired
    RuntimeService runtime;

    @LocalServerPort
    int port;

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

    @Test
    void checksEveryStartThroughCamundasApisAndJavaAsOurApiDoes() {
        long before = history.createHistoricProcessInstanceQuery().processDefinitionKey("real-estate-transfer").count();
        ApiClient admin = ApiClient.of("http://127.0.0.1:" + port, "demo", "demo");
        String definition = "/engine-rest/process-definition/key/real-estate-transfer";

        for (String path : new String[] {definition + "/start", definition + "/submit-form"}) {
            Reply empty = admin.request("POST", path, Map.of("variables", Map.of()));
            assertThat(empty.status()).as(path + ": " + empty.text()).isEqualTo(400);
            assertThat(empty.reason()).contains("the application for 'real-estate-transfer' is refused",
                    "'propertyCertificateNo' is required", "'sellerRef' is required");
        }
        Reply decided = admin.request("POST", "/engine-rest/process-definition/key/licence-application/start", Map.of("variables",
                Map.of("applicantAge", value(30), "licenceType", value("食品经营许可证"), "decision", value("APPROVE"))));
        assertThat(decided.status()).as(decided.text()).isEqualTo(400);
        assertThat(decided.reason()).contains("application field 'decision' is kept by the engine");
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("real-estate-transfer", Map.of("sellerRef", "S-1")))
                .hasMessageContaining("'propertyCertificateNo' is required");
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("real-estate-transfer").count())
                .isEqualTo(before);

        Reply complete = admin.request("POST", "/engine-rest/process-definition/key/licence-application/start", Map.of(
                "businessKey", "rest-start-" + before, "variables",
                Map.of("applicantAge", value(30), "licenceType", value("食品经营许可证"))));
        assertThat(complete.status()).as(complete.text()).isEqualTo(200);
    }

    private static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }

    private ResponseEntity<String> start(String processKey, Map<String, Object> application) {
        return http.withBasicAuth("wang.fang", "wang.fang").postForEntity("/api/processes/" + processKey + "/cases",
                Map.of("application", application, "applicant", Map.of("name", "张三")), String.class);
    }
}
