package org.approvalchain.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.benchmark.JsonClient.Patience;
import org.approvalchain.benchmark.JsonClient.Polled;

/**
 * The baseline, {@code acceptance-tests/plain-camunda}: the same BPMN on plain Camunda, driven
 * through Camunda's REST API: start the process with the application's fields (and the answers the
 * contracts would give), wait for the officer's task, complete it with the decision, no signature;
 * the history is read until the instance has ended.
 */
final class PlainCamunda implements Contender {

    private static final String MAIN = "org.approvalchain.baseline.PlainCamundaApplication";

    private final String classpath;
    private final Path dataDir;
    private final int port;
    private final JsonClient camunda;

    PlainCamunda(String classpath, Path dataDir, int port) {
        this.classpath = classpath;
        this.dataDir = dataDir;
        this.port = port;
        this.camunda = JsonClient.anonymous("http://127.0.0.1:" + port + "/engine-rest");
    }

    @Override
    public String name() {
        return "plain Camunda";
    }

    @Override
    public AppProcess start(Path log) throws IOException {
        return AppProcess.start(name(), List.of(Benchmark.JAVA, "-cp", classpath, MAIN, "--baseline.data-dir=" + dataDir),
                Map.of("PORT", Integer.toString(port)), log, () -> camunda.get("/process-definition/key/" + PROCESS));
    }

    @Override
    public CaseTimes runCase(String tradeName, Patience patience) throws IOException {
        long start = System.nanoTime();
        Map<String, Object> variables = new LinkedHashMap<>(Contender.application(tradeName));
        variables.put("materialsComplete", true);
        variables.put("nameTaken", false);
        String instanceId = camunda.post("/process-definition/key/" + PROCESS + "/start", Map.of("variables", typed(variables)))
                .path("id").asText();
        Polled<String> task = camunda.poll("/task?processInstanceId=" + instanceId + "&taskDefinitionKey=" + REVIEW,
                tasks -> tasks.isEmpty() ? Optional.empty() : Optional.of(tasks.get(0).path("id").asText()), patience);
        long taskSeen = System.nanoTime();
        camunda.post("/task/" + task.value() + "/complete", Map.of("variables", typed(Map.of("decision", "APPROVE"))));
        Polled<JsonNode> ended = camunda.poll("/history/process-instance/" + instanceId,
                instance -> Optional.of(instance).filter(i -> "COMPLETED".equals(i.path("state").asText())), patience);
        return CaseTimes.since(start, taskSeen, task, ended);
    }

    /** Camunda REST's variable format; whole numbers as Long, as the BPMN's start form declares them. */
    private static Map<String, Object> typed(Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> typed.put(name, value instanceof Long
                ? Map.of("value", value, "type", "Long") : Map.of("value", value)));
        return typed;
    }
}
