package org.approvalchain.acceptance.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The engine's HTTP APIs as one user sees them, logged in with HTTP Basic: ours under {@code /api}
 * and Camunda's under {@code /engine-rest}. Calls answer a {@link Reply} whatever the status, so a
 * scenario can look at refusals as closely as at results.
 */
public final class EngineApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String authorization;

    public EngineApi(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The operator's health check: ledger adapter, crypto, height. */
    public Reply health() {
        return send("GET", "/actuator/health", null);
    }

    public Reply startCase(String processKey, Map<String, Object> application, Map<String, Object> applicant) {
        return send("POST", "/api/processes/" + processKey + "/cases", Map.of("application", application, "applicant", applicant));
    }

    public Reply caseView(String caseId) {
        return send("GET", "/api/cases/" + caseId, null);
    }

    public Reply myTasks() {
        return send("GET", "/api/tasks", null);
    }

    public Reply decisionPayload(String taskId, String decision, String reason) {
        return send("GET", "/api/tasks/" + taskId + "/decision-payload?decision=" + decision
                + "&reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8), null);
    }

    public Reply submitDecision(String taskId, String payload, String signature) {
        return send("POST", "/api/tasks/" + taskId + "/decision", Map.of("payload", payload, "signature", signature));
    }

    /** The applicant resubmits corrected fields to a case returned for correction (补正). */
    public Reply submitCorrections(String caseId, Map<String, Object> application) {
        return send("POST", "/api/cases/" + caseId + "/corrections", Map.of("application", application));
    }

    /** The applicant asks for a human review of the case's automated result. */
    public Reply requestReview(String caseId, String reason) {
        return send("POST", "/api/cases/" + caseId + "/review-requests", Map.of("reason", reason));
    }

    public Reply block(long number) {
        return send("GET", "/api/ledger/blocks/" + number, null);
    }

    /** Camunda's own task list ({@code GET /engine-rest/task}). */
    public Reply camundaTasks() {
        return send("GET", "/engine-rest/task", null);
    }

    /** Any read of Camunda's REST API, e.g. {@code /job?processInstanceId=…&timers=true}. */
    public Reply camundaGet(String path) {
        return send("GET", "/engine-rest" + path, null);
    }

    /** Any command of Camunda's REST API, e.g. {@code /job/{id}/execute}. */
    public Reply camundaPost(String path, Object body) {
        return send("POST", "/engine-rest" + path, body);
    }

    /** Completes a task the way Camunda's REST API allows, without any decision. */
    public Reply camundaComplete(String taskId) {
        return send("POST", "/engine-rest/task/" + taskId + "/complete", Map.of());
    }

    private Reply send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json(body)));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Reply(response.statusCode(), text.isBlank() ? JSON.nullNode() : JSON.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + baseUrl + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body + " as JSON", e);
        }
    }
}
