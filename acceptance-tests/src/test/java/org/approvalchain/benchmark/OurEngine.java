package org.approvalchain.benchmark;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.acceptance.client.ApproverKey;

/**
 * Our engine from its executable jar on the embedded defaults (H2, embedded ledger, demo profile),
 * driven through our API as its users would: the demo applicant starts a case, the registration
 * officer chen.jie waits for his task, fetches the decision payload, signs it with his SM2 key from
 * the data directory's demo keys and posts it; the case is read until it has ended.
 */
final class OurEngine implements Contender {

    private static final String APPLICANT = "wang.fang";
    private static final String OFFICER = "chen.jie";
    private static final String REASON = URLEncoder.encode("材料齐全，名称可用，准予登记。", StandardCharsets.UTF_8);

    private final Path jar;
    private final Path dataDir;
    private final String baseUrl;
    private final JsonClient applicant;
    private final JsonClient officer;
    private ApproverKey officerKey;

    OurEngine(Path jar, Path dataDir, int port) {
        this.jar = jar;
        this.dataDir = dataDir;
        this.baseUrl = "http://127.0.0.1:" + port;
        this.applicant = JsonClient.demoUser(baseUrl, APPLICANT);
        this.officer = JsonClient.demoUser(baseUrl, OFFICER);
    }

    @Override
    public String name() {
        return "ours";
    }

    @Override
    public AppProcess start(Path log) throws IOException {
        AppProcess process = AppProcess.start(name(), List.of(Benchmark.JAVA, "-jar", jar.toString()),
                Map.of("PORT", baseUrl.substring(baseUrl.lastIndexOf(':') + 1), "APPROVALCHAIN_DATA_DIR", dataDir.toString()),
                log, JsonClient.anonymous(baseUrl), "/actuator/health");
        officerKey = ApproverKey.ofDemoUser(dataDir, OFFICER);
        return process;
    }

    @Override
    public CaseTimes runCase(String tradeName, Duration timeout) throws IOException {
        long start = System.nanoTime();
        String caseId = startCase(tradeName);
        String taskId = awaitReviewTask(caseId, timeout);
        long taskSeen = System.nanoTime();
        String payload = officer.get("/api/tasks/" + taskId + "/decision-payload?decision=APPROVE&reason=" + REASON)
                .path("payload").asText();
        officer.post("/api/tasks/" + taskId + "/decision", Map.of("payload", payload, "signature", officerKey.sign(payload)));
        JsonNode ended = applicant.poll("/api/cases/" + caseId,
                view -> Optional.of(view).filter(v -> "COMPLETED".equals(v.path("state").asText())), timeout);
        if (!"EndEvent_Registered".equals(ended.path("endEvent").asText())) {
            throw new IOException("case " + caseId + " ended at " + ended.path("endEvent").asText() + ", not EndEvent_Registered");
        }
        return CaseTimes.since(start, taskSeen);
    }

    /** The applicant submits an application; returns the case id. */
    String startCase(String tradeName) throws IOException {
        return applicant.post("/api/processes/" + PROCESS + "/cases", Map.of("application", Contender.application(tradeName),
                "applicant", Map.of("name", "张基准", "idNumber", "110105199001011234"))).path("caseId").asText();
    }

    /** Waits until the case's checks have run and the officer's task is open; returns the task id. */
    String awaitReviewTask(String caseId, Duration timeout) throws IOException {
        return officer.poll("/api/cases/" + caseId, OurEngine::reviewTask, timeout);
    }

    private static Optional<String> reviewTask(JsonNode view) {
        for (JsonNode task : view.path("openTasks")) {
            if (REVIEW.equals(task.path("activityId").asText())) {
                return Optional.of(task.path("taskId").asText());
            }
        }
        return Optional.empty();
    }
}
