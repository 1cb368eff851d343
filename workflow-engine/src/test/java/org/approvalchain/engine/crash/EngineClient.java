package org.approvalchain.engine.crash;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.approvalchain.engine.signing.cli.SignDecision;

/**
 * The engine's REST API as an approver's client uses it: start a licence case, read it, fetch the
 * payload of a decision, sign it on the client with the approver's key file, submit it.
 */
final class EngineClient {

    static final String APPROVER = "wang.fang";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    EngineClient(int port) {
        this.base = "http://localhost:" + port;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((APPROVER + ":" + APPROVER).getBytes(StandardCharsets.UTF_8));
    }

    /** Starts a case of the demo licence process for an eligible applicant; returns the case id. */
    String startLicenceCase() throws IOException, InterruptedException {
        Map<String, Object> body = Map.of("application", Map.of("applicantAge", 30, "licenceType", "food-business"),
                "applicant", Map.of("name", "张三", "idNumber", "110101199001011234"));
        HttpResponse<String> response = send(request("/api/processes/licence-application/cases")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        require(response, 201);
        return (String) JSON.readValue(response.body(), Map.class).get("caseId");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> caseView(String caseId) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request("/api/cases/" + caseId).GET());
        require(response, 200);
        return JSON.readValue(response.body(), Map.class);
    }

    /** The id of the case's open task, if it has one. */
    @SuppressWarnings("unchecked")
    Optional<String> openTask(String caseId) throws IOException, InterruptedException {
        List<Map<String, Object>> open = (List<Map<String, Object>>) caseView(caseId).get("openTasks");
        return open.stream().map(t -> (String) t.get("taskId")).findFirst();
    }

    /** Waits until the case satisfies {@code condition}; returns the case as last read. */
    Map<String, Object> awaitCase(String caseId, Predicate<Map<String, Object>> condition, Duration timeout)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Object> view = caseView(caseId);
        while (!condition.test(view)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("case " + caseId + " did not get there within " + timeout + ": " + view);
            }
            Thread.sleep(200);
            view = caseView(caseId);
        }
        return view;
    }

    /** Approves the task: fetches the payload, signs it with {@code keyFile}, submits it; the raw answer. */
    HttpResponse<String> approve(String taskId, Path keyFile) throws IOException, InterruptedException {
        HttpResponse<String> fetched = send(request("/api/tasks/" + taskId + "/decision-payload?decision=APPROVE&reason="
                + URLEncoder.encode("材料齐全 complete", StandardCharsets.UTF_8)).GET());
        require(fetched, 200);
        String payload = (String) JSON.readValue(fetched.body(), Map.class).get("payload");
        Map<String, String> signed = Map.of("payload", payload, "signature", sign(payload, keyFile));
        return send(request("/api/tasks/" + taskId + "/decision")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(signed))));
    }

    /** The engine's contract addresses by name. */
    @SuppressWarnings("unchecked")
    Map<String, String> contracts() throws IOException, InterruptedException {
        HttpResponse<String> response = send(request("/api/ledger/status").GET());
        require(response, 200);
        return (Map<String, String>) JSON.readValue(response.body(), Map.class).get("contracts");
    }

    /** What the approver's own client does: SM3withSM2 over the exact payload bytes, base64 DER. */
    static String sign(String payload, Path keyFile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SignDecision.run(new String[] {"--key", keyFile.toString()},
                new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new AssertionError("signing failed (" + exit + "): " + err.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).header("Content-Type", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void require(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }
}
