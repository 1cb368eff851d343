package org.approvalchain.engine.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Our REST API ({@code /api}) as a client sees it, logged in as one user with HTTP Basic: start a
 * case, read it, wait for its task or its end, fetch a decision payload, sign it on the client's
 * side and submit it. A failed call throws with the status and the problem details it returned.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String authorization;

    private ApiClient(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A client of the engine at {@code baseUrl} (e.g. {@code http://127.0.0.1:8080}) logged in as {@code user}. */
    public static ApiClient of(String baseUrl, String user, String password) {
        return new ApiClient(baseUrl, user, password);
    }

    /** A demo user, whose password is the user id. */
    public static ApiClient demoUser(String baseUrl, String user) {
        return of(baseUrl, user, user);
    }

    /** Starts a case of the latest version of {@code processKey}; returns its case id. */
    public String startCase(String processKey, Map<String, Object> application, Map<String, Object> applicant) {
        return call("POST", "/api/processes/" + processKey + "/cases",
                Map.of("application", application, "applicant", applicant)).path("caseId").asText();
    }

    public JsonNode caseView(String caseId) {
        return call("GET", "/api/cases/" + caseId, null);
    }

    /** Waits until the case has an open task at {@code activityId}; returns the task id. */
    public String awaitOpenTask(String caseId, String activityId, Duration timeout) {
        return await(timeout, "an open task " + activityId + " in case " + caseId, view -> {
            for (JsonNode task : view.path("openTasks")) {
                if (activityId.equals(task.path("activityId").asText())) {
                    return Optional.of(task.path("taskId").asText());
                }
            }
            return Optional.empty();
        }, caseId);
    }

    /** Waits until the case is in {@code state} (Camunda's: ACTIVE, COMPLETED, ...); returns the case view. */
    public JsonNode awaitState(String caseId, String state, Duration timeout) {
        return await(timeout, "case " + caseId + " to be " + state,
                view -> state.equals(view.path("state").asText()) ? Optional.of(view) : Optional.empty(), caseId);
    }

    /** The exact payload text to sign for {@code decision} (APPROVE, REJECT, RETURN_FOR_CORRECTION). */
    public String decisionPayload(String taskId, String decision, String reason) {
        return call("GET", "/api/tasks/" + taskId + "/decision-payload?decision=" + decision + "&reason="
                + URLEncoder.encode(reason, StandardCharsets.UTF_8), null).path("payload").asText();
    }

    /** Submits a signed payload; returns the decision record (chain transactions and blocks). */
    public JsonNode submitDecision(String taskId, String payload, String signatureBase64) {
        return call("POST", "/api/tasks/" + taskId + "/decision", Map.of("payload", payload, "signature", signatureBase64));
    }

    /** Fetches the payload, signs it with the approver's own key on this side, and submits it. */
    public JsonNode decide(String taskId, String decision, String reason, Sm2DecisionSigner signer) {
        String payload = decisionPayload(taskId, decision, reason);
        return submitDecision(taskId, payload, signer.sign(payload));
    }

    private <T> T await(Duration timeout, String what, Function<JsonNode, Optional<T>> condition, String caseId) {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode view = null;
        while (Instant.now().isBefore(deadline)) {
            view = caseView(caseId);
            Optional<T> result = condition.apply(view);
            if (result.isPresent()) {
                return result.get();
            }
            sleep();
        }
        throw new AssertionError("waited " + timeout + " for " + what + "; the case is now: " + view);
    }

    /** Sends a request (body as JSON, or none when null) and returns the response, whatever its status. */
    public HttpResponse<String> send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", authorization)
                    .header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + baseUrl + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private JsonNode call(String method, String path, Object body) {
        HttpResponse<String> response = send(method, path, body);
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " answered no JSON: " + response.body(), e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
