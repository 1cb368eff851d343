package org.approvalchain.engine.support;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The engine's HTTP APIs as one user's client sees them, logged in with HTTP Basic: ours under
 * {@code /api} and Camunda's under {@code /engine-rest}. Shared by the engine's integration tests
 * and the acceptance tests (the workflow-engine test-jar).
 *
 * <p>{@link #request} answers any call with a {@link Reply}, whatever its status. Built on it:
 * reads and commands a test expects to succeed throw an {@link AssertionError} with the status and
 * the problem details when they do not (start a case, read it, wait for a task or a state, decide);
 * the commands a test may want to see refused (submit a decision, corrections, a review request,
 * completing a task through Camunda) answer their {@link Reply}. The client signs nothing itself:
 * {@link #decide} takes the approver's own signer.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final String baseUrl;
    private final String authorization;

    private ApiClient(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** A client of the engine at {@code baseUrl} (e.g. {@code http://127.0.0.1:8080}) logged in as {@code user}. */
    public static ApiClient of(String baseUrl, String user, String password) {
        return new ApiClient(baseUrl, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** A client that signs in as nobody (no {@code Authorization} header): what the public sees. */
    public static ApiClient anonymous(String baseUrl) {
        return new ApiClient(baseUrl, null);
    }

    /** A demo user, whose password is the user id. */
    public static ApiClient demoUser(String baseUrl, String user) {
        return of(baseUrl, user, user);
    }

    // --- any request ---

    /**
     * Sends {@code body} as JSON (none when null) and answers whatever the engine answered. A
     * connection that fails throws an {@link UncheckedIOException}.
     */
    public Reply request(String method, String path, Object body) {
        return request(method, path, body, Map.of());
    }

    /** {@link #request(String, String, Object)} with further request headers (e.g. {@code Idempotency-Key}), or others in place of its own ({@code Accept}). */
    public Reply request(String method, String path, Object body, Map<String, String> headers) {
        String call = method + " " + path;
        try {
            HttpRequest.Builder request = build(method, path, body);
            headers.forEach(request::setHeader);
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(call, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), parse(response.body()), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(call + " to " + baseUrl + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + call, e);
        }
    }

    /** {@link #request} for a call the test expects to succeed: the body, or an assertion error. */
    private JsonNode call(String method, String path, Object body) {
        return request(method, path, body).accepted();
    }

    // --- our API: cases ---

    /** The operator's health check: ledger adapter, crypto, height. */
    public JsonNode health() {
        return call("GET", "/actuator/health", null);
    }

    /** Starts a case of the latest version of {@code processKey}; returns its case id. */
    public String startCase(String processKey, Map<String, Object> application, Map<String, Object> applicant) {
        return call("POST", "/api/processes/" + processKey + "/cases",
                Map.of("application", application, "applicant", applicant)).path("caseId").asText();
    }

    public JsonNode caseView(String caseId) {
        return call("GET", "/api/cases/" + caseId, null);
    }

    /** The applicant resubmits corrected fields to a case returned for correction (补正). */
    public Reply submitCorrections(String caseId, Map<String, Object> application) {
        return request("POST", "/api/cases/" + caseId + "/corrections", Map.of("application", application));
    }

    /** The applicant asks for a human review of the case's automated result. */
    public Reply requestReview(String caseId, String reason) {
        return request("POST", "/api/cases/" + caseId + "/review-requests", Map.of("reason", reason));
    }

    // --- waiting for the engine's jobs ---

    /**
     * Reads the case until {@code found} finds what is wanted in its view; after {@code timeout}
     * fails with {@code what} and the view last read.
     */
    public <T> T awaitCase(String caseId, String what, Function<JsonNode, Optional<T>> found, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonNode view = caseView(caseId);
            Optional<T> value = found.apply(view);
            if (value.isPresent()) {
                return value.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + timeout + " for " + what + " in case " + caseId + "; it is now: " + view);
            }
            pause();
        }
    }

    /** Waits until the case has an open task that {@code wanted} accepts; returns the task as the case view lists it. */
    public JsonNode awaitTask(String caseId, String what, Predicate<JsonNode> wanted, Duration timeout) {
        return awaitCase(caseId, what, view -> first(view.path("openTasks"), wanted), timeout);
    }

    /** Waits until the case has an open task at {@code activityId}; returns the task id. */
    public String awaitOpenTask(String caseId, String activityId, Duration timeout) {
        return awaitTask(caseId, "an open task " + activityId,
                task -> activityId.equals(task.path("activityId").asText()), timeout).path("taskId").asText();
    }

    /** Waits until the case is in {@code state} (Camunda's: ACTIVE, COMPLETED, ...); returns the case view. */
    public JsonNode awaitState(String caseId, String state, Duration timeout) {
        return awaitCase(caseId, "the state " + state,
                view -> Optional.of(view).filter(v -> state.equals(v.path("state").asText())), timeout);
    }

    // --- our API: tasks and decisions ---

    /** The open tasks this user may work on. */
    public JsonNode myTasks() {
        return call("GET", "/api/tasks", null);
    }

    /** Asks for the payload to sign for {@code decision} (APPROVE, REJECT, RETURN_FOR_CORRECTION); the answer as it is. */
    public Reply askDecisionPayload(String taskId, String decision, String reason) {
        return askDecisionPayload(taskId, decision, reason, Map.of());
    }

    /** As {@link #askDecisionPayload(String, String, String)}, for a decision that scores items (a committee member's evaluation). */
    public Reply askDecisionPayload(String taskId, String decision, String reason, Map<String, Long> scores) {
        StringBuilder query = new StringBuilder("?decision=" + decision + "&reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8));
        scores.forEach((item, score) -> query.append("&score=").append(URLEncoder.encode(item + "=" + score, StandardCharsets.UTF_8)));
        return request("GET", "/api/tasks/" + taskId + "/decision-payload" + query, null);
    }

    /** The exact payload text to sign for {@code decision}. */
    public String decisionPayload(String taskId, String decision, String reason) {
        return askDecisionPayload(taskId, decision, reason).accepted().path("payload").asText();
    }

    /** Submits a signed payload; on acceptance the body is the decision receipt (chain transactions and blocks). */
    public Reply submitDecision(String taskId, String payload, String signatureBase64) {
        return request("POST", "/api/tasks/" + taskId + "/decision", Map.of("payload", payload, "signature", signatureBase64));
    }

    /**
     * Fetches the payload, signs it with {@code signer} (the approver's own key on the client's
     * side: payload text to base64 signature) and submits it; returns the decision receipt.
     */
    public JsonNode decide(String taskId, String decision, String reason, UnaryOperator<String> signer) {
        return decide(taskId, decision, reason, Map.of(), signer);
    }

    /** As {@link #decide(String, String, String, UnaryOperator)}, signing {@code scores} (item to score) with the decision. */
    public JsonNode decide(String taskId, String decision, String reason, Map<String, Long> scores, UnaryOperator<String> signer) {
        String payload = askDecisionPayload(taskId, decision, reason, scores).accepted().path("payload").asText();
        return submitDecision(taskId, payload, signer.apply(payload)).accepted();
    }

    // --- our API: approvers' keys ---

    /**
     * Enrols a key as this client's user, the way an approver's client does: asks for the challenge
     * for {@code publicKeyPem}, signs it with {@code signer} (the new key's private key, on the
     * client's side) and sends the proof; returns the enrolment, now waiting for two administrators.
     */
    public JsonNode enrolKey(String publicKeyPem, UnaryOperator<String> signer) {
        JsonNode enrolment = call("POST", "/api/me/key-enrolments", Map.of("publicKey", publicKeyPem));
        return call("POST", "/api/me/key-enrolments/" + enrolment.path("id").asLong() + "/proof",
                Map.of("signature", signer.apply(enrolment.path("challenge").asText())));
    }

    /**
     * Makes {@code publicKeyPem} this client's user's registered key, unless it already is: enrols it
     * and has the two administrators approve it.
     */
    public void ensureKey(String publicKeyPem, UnaryOperator<String> signer, ApiClient firstAdmin, ApiClient secondAdmin) {
        Reply enrolment = request("POST", "/api/me/key-enrolments", Map.of("publicKey", publicKeyPem));
        if (enrolment.status() == 409 && enrolment.text().contains("already registered")) {
            return;
        }
        long id = enrolment.accepted().path("id").asLong();
        call("POST", "/api/me/key-enrolments/" + id + "/proof",
                Map.of("signature", signer.apply(enrolment.body().path("challenge").asText())));
        firstAdmin.approveEnrolment(id).accepted();
        secondAdmin.approveEnrolment(id).accepted();
    }

    /** As an administrator: approves a key enrolment (the first approval, or the second that registers it); the answer as it is. */
    public Reply approveEnrolment(long id) {
        return request("POST", "/api/admin/key-enrolments/" + id + "/approve", null);
    }

    // --- our API: the ledger ---

    /** The ledger: adapter, crypto, height and the deployed contracts' addresses by name. */
    public JsonNode ledgerStatus() {
        return call("GET", "/api/ledger/status", null);
    }

    public JsonNode block(long number) {
        return call("GET", "/api/ledger/blocks/" + number, null);
    }

    // --- Camunda's REST API ---

    /** Any read of Camunda's REST API, e.g. {@code /task} or {@code /job?processInstanceId=…&timers=true}. */
    public JsonNode camundaGet(String path) {
        return call("GET", "/engine-rest" + path, null);
    }

    /** Any command of Camunda's REST API, e.g. {@code /job/{id}/execute}. */
    public JsonNode camundaPost(String path, Object body) {
        return call("POST", "/engine-rest" + path, body);
    }

    /** Completes a task the way Camunda's REST API allows, without any decision; the answer as it is. */
    public Reply completeCamundaTask(String taskId) {
        return request("POST", "/engine-rest/task/" + taskId + "/complete", Map.of());
    }

    // --- plumbing ---

    private HttpRequest.Builder build(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json(body)));
    }

    private static Optional<JsonNode> first(JsonNode array, Predicate<JsonNode> wanted) {
        for (JsonNode element : array) {
            if (wanted.test(element)) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    private static JsonNode parse(String text) {
        if (text.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            return MissingNode.getInstance();
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body + " as JSON", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
