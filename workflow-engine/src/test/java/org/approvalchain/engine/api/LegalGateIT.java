package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.approvalchain.engine.support.SharedEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The legal gate in the running engine: a model whose automatic step involves discretion is
 * refused by Camunda's own REST deployment, and {@code /api/models/validate} reports findings
 * without deploying.
 */
@SharedEngine
class LegalGateIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @Test
    void refusesADeploymentThroughCamundaRestWhoseAutomaticStepInvolvesDiscretion() throws Exception {
        ResponseEntity<String> response = http.withBasicAuth("demo", "demo")
                .postForEntity("/engine-rest/deployment/create", multipart("deployment-name", "discretionary"), String.class);

        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isFalse();
        assertThat(response.getBody()).contains("LEGAL-004", "licence-application-discretionary", "Activity_CheckEligibility",
                "资格核验 Check eligibility");
        JsonNode deployed = JSON.readTree(http.withBasicAuth("demo", "demo")
                .getForObject("/engine-rest/process-definition?key=licence-application-discretionary", String.class));
        assertThat(deployed).isEmpty();
    }

    @Test
    void validateReturnsTheFindingsOfAnUploadedModelWithoutDeploying() throws Exception {
        ResponseEntity<String> response = http.withBasicAuth("wang.fang", "wang.fang")
                .postForEntity("/api/models/validate", multipart(null, null), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode findings = JSON.readTree(response.getBody());
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).get("rule").asText()).isEqualTo("LEGAL-004");
        assertThat(findings.get(0).get("elementId").asText()).isEqualTo("Activity_CheckEligibility");
        assertThat(findings.get(0).get("processId").asText()).isEqualTo("licence-application-discretionary");
    }

    @Test
    void validateAcceptsRawXmlAndReportsNothingForTheDemoProcess() throws Exception {
        ResponseEntity<String> response = http.withBasicAuth("wang.fang", "wang.fang")
                .postForEntity("/api/models/validate", xml(licenceApplication()), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(JSON.readTree(response.getBody())).isEmpty();
    }

    @Test
    void validateRefusesXmlThatIsNotBpmnWithTheParsersMessage() {
        ResponseEntity<String> response = http.withBasicAuth("wang.fang", "wang.fang")
                .postForEntity("/api/models/validate", xml("<definitions><unclosed></definitions>"), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("not a BPMN model");
    }

    @Test
    void validateNeedsAnAuthenticatedUser() {
        ResponseEntity<String> response = http.postForEntity("/api/models/validate", xml(licenceApplication()), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /** The demo process under another id, its automatic eligibility check marked as discretionary. */
    static String discretionary() {
        return licenceApplication().replace("id=\"licence-application\"", "id=\"licence-application-discretionary\"")
                .replace("bpmnElement=\"licence-application\"", "bpmnElement=\"licence-application-discretionary\"")
                .replaceFirst("name=\"discretion\" value=\"false\"", "name=\"discretion\" value=\"true\"");
    }

    static String licenceApplication() {
        try (InputStream in = LegalGateIT.class.getClassLoader().getResourceAsStream("processes/licence-application.bpmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpEntity<MultiValueMap<String, Object>> multipart(String nameField, String name) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        if (nameField != null) {
            parts.add(nameField, name);
        }
        parts.add(nameField == null ? "file" : "data", new ByteArrayResource(discretionary().getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "discretionary.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, headers);
    }

    static HttpEntity<String> xml(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        return new HttpEntity<>(body, headers);
    }
}
