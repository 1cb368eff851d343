package org.approvalchain.benchmark;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.acceptance.client.ApproverKey;
import org.approvalchain.benchmark.JsonClient.Patience;
import org.approvalchain.benchmark.JsonClient.Polled;

/**
 * Our engine, driven through our API as its users would: the demo applicant starts a case, the
 * registration officer chen.jie waits for his task, fetches the decision payload, signs it with his
 * SM2 key from the data directory's demo keys and posts it; the case is read until it has ended.
 * Either the executable jar on the embedded defaults (H2, embedded ledger, demo profile), or
 * {@link PostgresNodes}: engine nodes on the postgres profile, each case on one node in turn.
 */
final class OurEngine implements Contender {

    static final String APPLICANT = "wang.fang";
    static final String OFFICER = "chen.jie";
    /** A demo administrator: the metrics are for administrators and the metrics group. */
    static final String ADMIN = "demo";
    private static final Pattern STEP_BUCKET = Pattern.compile(
            "^approvalchain_contract_step_seconds_bucket\\{.*le=\"([^\"]+)\".*\\} ([0-9.eE+-]+)$", Pattern.MULTILINE);
    static final String REASON = URLEncoder.encode("材料齐全，名称可用，准予登记。", StandardCharsets.UTF_8);

    /** The nodes' base URLs once every node is ready; an exception while any is not. */
    @FunctionalInterface
    private interface Nodes {
        List<String> urls() throws IOException;
    }

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path dataDir;
    private final Nodes nodes;
    private final AtomicInteger nextNode = new AtomicInteger();
    private List<JsonClient> applicants;
    private List<JsonClient> officers;
    private List<JsonClient> admins;
    private ApproverKey officerKey;

    private OurEngine(String name, List<String> command, Map<String, String> environment, Path dataDir, Nodes nodes) {
        this.name = name;
        this.command = command;
        this.environment = environment;
        this.dataDir = dataDir;
        this.nodes = nodes;
    }

    /**
     * {@code java -jar} on the embedded defaults, as the README starts it, with {@code PORT} and {@code
     * APPROVALCHAIN_DATA_DIR}: with the start-up archive beside the jar ({@code approvalchain.jsa} for
     * {@code approvalchain.jar}) when there is one; {@code jvmOptions} before {@code -jar} (none by default).
     */
    static OurEngine embedded(Path jar, List<String> jvmOptions, Path dataDir, int port) {
        String url = "http://127.0.0.1:" + port;
        List<String> command = new ArrayList<>(List.of(Benchmark.JAVA));
        Path archive = jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", ".jsa"));
        if (Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        return new OurEngine("ours", command,
                Map.of("PORT", Integer.toString(port), "APPROVALCHAIN_DATA_DIR", dataDir.toString()), dataDir, () -> {
                    JsonClient.anonymous(url).get("/actuator/health");
                    return List.of(url);
                });
    }

    /** {@code count} nodes on the postgres profile, one schema and one chain, in a JVM on {@code classpath}. */
    static OurEngine postgresNodes(int count, String classpath, Path dataDir) {
        return new OurEngine("ours, " + count + (count == 1 ? " node" : " nodes") + " on postgres",
                List.of(Benchmark.JAVA, "-cp", classpath, PostgresNodes.class.getName(), Integer.toString(count), dataDir.toString()),
                Map.of(), dataDir, () -> PostgresNodes.urls(dataDir));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public AppProcess start(Path log) throws IOException {
        AppProcess process = AppProcess.start(name, command, environment, log, nodes::urls);
        List<String> urls = nodes.urls();
        applicants = urls.stream().map(url -> JsonClient.demoUser(url, APPLICANT)).toList();
        officers = urls.stream().map(url -> JsonClient.demoUser(url, OFFICER)).toList();
        admins = urls.stream().map(url -> JsonClient.demoUser(url, ADMIN)).toList();
        officerKey = ApproverKey.ofDemoUser(dataDir, OFFICER);
        return process;
    }

    @Override
    public CaseTimes runCase(String tradeName, Patience patience) throws IOException {
        int node = Math.floorMod(nextNode.getAndIncrement(), applicants.size());
        JsonClient officer = officers.get(node);
        long start = System.nanoTime();
        String caseId = startCase(node, tradeName);
        Polled<String> task = awaitReviewTask(node, caseId, patience);
        long taskSeen = System.nanoTime();
        String taskId = task.value();
        String payload = officer.get("/api/tasks/" + taskId + "/decision-payload?decision=APPROVE&reason=" + REASON)
                .path("payload").asText();
        officer.post("/api/tasks/" + taskId + "/decision", Map.of("payload", payload, "signature", officerKey.sign(payload)));
        Polled<JsonNode> ended = applicants.get(node).poll("/api/cases/" + caseId,
                view -> Optional.of(view).filter(v -> "COMPLETED".equals(v.path("state").asText())), patience);
        if (!"EndEvent_Registered".equals(ended.value().path("endEvent").asText())) {
            throw new IOException("case " + caseId + " ended at " + ended.value().path("endEvent").asText()
                    + ", not EndEvent_Registered");
        }
        return CaseTimes.since(start, taskSeen, task, ended);
    }

    /** The buckets of {@code approvalchain_contract_step_seconds} on every node, summed over contracts, outcomes and nodes. */
    @Override
    public Map<Double, Long> contractStepBuckets() throws IOException {
        Map<Double, Long> buckets = new TreeMap<>();
        for (JsonClient admin : admins) {
            Matcher bucket = STEP_BUCKET.matcher(admin.text("/actuator/prometheus"));
            while (bucket.find()) {
                buckets.merge(Double.parseDouble(bucket.group(1).replace("+Inf", "Infinity")),
                        (long) Double.parseDouble(bucket.group(2)), Long::sum);
            }
        }
        return buckets;
    }

    /** The applicant submits an application to {@code node} (0 the first); returns the case id. */
    String startCase(int node, String tradeName) throws IOException {
        return applicants.get(node).post("/api/processes/" + PROCESS + "/cases", Map.of("application",
                Contender.application(tradeName), "applicant", Map.of("name", "张基准", "idNumber", "110105199001011234")))
                .path("caseId").asText();
    }

    /** Waits until the case's checks have run and the officer sees his task on {@code node}; returns the task id. */
    Polled<String> awaitReviewTask(int node, String caseId, Patience patience) throws IOException {
        return officers.get(node).poll("/api/cases/" + caseId, OurEngine::reviewTask, patience);
    }

    /** The officer's review task among the open tasks of a case view, if it is there. */
    static Optional<String> reviewTask(JsonNode view) {
        for (JsonNode task : view.path("openTasks")) {
            if (REVIEW.equals(task.path("activityId").asText())) {
                return Optional.of(task.path("taskId").asText());
            }
        }
        return Optional.empty();
    }
}
