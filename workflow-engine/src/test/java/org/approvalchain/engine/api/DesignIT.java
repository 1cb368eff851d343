package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.Reply;
import org.approvalchain.engine.support.SharedEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The designer's API over HTTP: drafts are each user's own and versioned, only designers and
 * administrators reach them; the lint endpoint refuses what is not a BPMN model (and reads no
 * external entity) with a problem that says so; deployment goes through the gate and the deployed
 * version is listed with who deployed it.
 */
@SharedEngine
class DesignIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    private ApiClient as(String user) {
        return ApiClient.demoUser("http://127.0.0.1:" + port, user);
    }

    @Test
    void draftsAreVersionedPerUserAndNobodyElseReadsThem() {
        String name = "draft-" + UUID.randomUUID();
        JsonNode first = as("lin.hua").request("POST", "/api/models/drafts", Map.of("name", name, "bpmnXml", "<a/>")).accepted();
        JsonNode second = as("lin.hua").request("POST", "/api/models/drafts", Map.of("name", name, "bpmnXml", "<b/>")).accepted();

        assertThat(first.path("version").asInt()).isEqualTo(1);
        assertThat(second.path("version").asInt()).isEqualTo(2);
        assertThat(as("lin.hua").request("GET", "/api/models/drafts/" + first.path("id").asLong(), null).accepted()
                .path("bpmnXml").asText()).isEqualTo("<a/>");
        assertThat(as("lin.hua").request("GET", "/api/models/drafts", null).accepted().findValuesAsText("name")).contains(name);

        Reply anotherDesigner = as("demo").request("GET", "/api/models/drafts/" + second.path("id").asLong(), null);
        assertThat(anotherDesigner.status()).isEqualTo(404);
        assertThat(anotherDesigner.body().path("code").asText()).isEqualTo("DRAFT-003");
        assertThat(as("demo").request("GET", "/api/models/drafts", null).accepted().findValuesAsText("name")).doesNotContain(name);
        Reply notADesigner = as("wang.fang").request("GET", "/api/models/drafts/" + second.path("id").asLong(), null);
        assertThat(notADesigner.status()).isEqualTo(403);
        assertThat(notADesigner.text()).doesNotContain("<b/>");
        assertThat(as("wang.fang").request("POST", "/api/models/deployments", Map.of("name", name, "bpmnXml", "<b/>")).status())
                .isEqualTo(403);
    }

    @Test
    void aDraftsNameMustBeAnIdentifier() {
        Reply refused = as("lin.hua").request("POST", "/api/models/drafts", Map.of("name", "../etc/passwd", "bpmnXml", "<a/>"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("code").asText()).isEqualTo("DRAFT-001");
    }

    @Test
    void lintRefusesXmlThatIsNotBpmnWithAProblemThatSaysSo() throws Exception {
        ResponseEntity<String> response = lint("<definitions><unclosed></definitions>");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        JsonNode problem = JSON.readTree(response.getBody());
        assertThat(problem.path("code").asText()).isEqualTo("API-400");
        assertThat(problem.path("detail").asText()).startsWith("not a BPMN model: line 1")
                .doesNotContain("Exception");
    }

    @Test
    void lintReadsNoExternalEntity() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                + LegalGateIT.licenceApplication().replaceFirst("<\\?xml[^>]*\\?>", "")
                        .replace("name=\"审核申请 Review application\"", "name=\"&secret;\"");

        ResponseEntity<String> response = lint(xxe);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("not a BPMN model").doesNotContain("root:");
    }

    @Test
    void deploysThroughTheGateAndListsTheVersionWithItsDeployer() {
        String key = "designed-" + UUID.randomUUID().toString().substring(0, 8);
        String model = LegalGateIT.licenceApplication().replace("licence-application", key);

        Reply refused = as("lin.hua").request("POST", "/api/models/deployments",
                Map.of("name", key, "bpmnXml", model.replaceFirst("name=\"discretion\" value=\"false\"", "name=\"discretion\" value=\"true\"")));
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.body().path("code").asText()).isEqualTo("DEPLOY-001");
        assertThat(refused.body().path("detail").asText()).contains("LEGAL-004", "Activity_CheckEligibility");
        as("lin.hua").request("POST", "/api/models/deployments", Map.of("name", key, "bpmnXml", "not a model at all"))
                .refused(400, "DEPLOY-003");
        Reply noProcess = as("lin.hua").request("POST", "/api/models/deployments", Map.of("name", key, "bpmnXml",
                "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"t\"></definitions>"));
        noProcess.refused(400, "DEPLOY-003");
        assertThat(noProcess.text()).contains("no executable process");
        assertThat(as("lin.hua").request("GET", "/api/processes/" + key + "/versions/0/bpmn", null,
                Map.of("Accept", "*/*")).status()).as("versions count from 1").isEqualTo(404);
        assertThat(as("lin.hua").request("GET", "/api/processes/licence-application/versions/-1/automation-map", null).status())
                .isEqualTo(404);

        JsonNode deployed = as("lin.hua").request("POST", "/api/models/deployments", Map.of("name", key, "bpmnXml", model)).accepted();
        assertThat(deployed.get(0).path("processKey").asText()).isEqualTo(key);
        assertThat(deployed.get(0).path("version").asInt()).isEqualTo(1);

        JsonNode version = findVersion(as("lin.hua").request("GET", "/api/processes/versions", null).accepted(), key);
        assertThat(version.path("deployedBy").asText()).isEqualTo("lin.hua");
        assertThat(version.path("bpmnHash").asText()).startsWith("0x");
        TestRestTemplate designer = http.withBasicAuth("lin.hua", "lin.hua");
        assertThat(designer.getForEntity("/api/processes/" + key + "/versions/1/bpmn", byte[].class).getBody())
                .isEqualTo(model.getBytes(StandardCharsets.UTF_8));
        assertThat(designer.getForEntity("/api/processes/" + key + "/versions/2/bpmn", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth("zheng.lu", "zheng.lu").getForEntity("/api/processes/" + key + "/versions/1/bpmn", byte[].class)
                .getBody()).as("a legal reviewer reads the deployed BPMN").isEqualTo(model.getBytes(StandardCharsets.UTF_8));
        assertThat(findVersion(as("zheng.lu").request("GET", "/api/processes/versions", null).accepted(), key)).isNotNull();
        assertThat(as("wang.fang").request("GET", "/api/processes/versions", null).status()).as("an officer").isEqualTo(403);
        assertThat(as("lin.hua").request("GET", "/api/models/element-templates", null).accepted().findValuesAsText("id"))
                .contains("org.approvalchain.ContractStep.EligibilityRule.evaluate", "org.approvalchain.ManualDecision");
    }

    private static JsonNode findVersion(JsonNode versions, String key) {
        for (JsonNode v : versions) {
            if (key.equals(v.path("processKey").asText())) {
                return v;
            }
        }
        throw new AssertionError("no version of " + key + " in " + versions);
    }

    private ResponseEntity<String> lint(String xml) {
        return http.withBasicAuth("lin.hua", "lin.hua").postForEntity("/api/models/validate", LegalGateIT.xml(xml), String.class);
    }
}
