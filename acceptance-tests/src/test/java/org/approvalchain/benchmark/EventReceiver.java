package org.approvalchain.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver of the engine's case events (docs/events.md) for the crash storm: it takes
 * every delivery and keeps, per case, which event ids told each fact: a type with the activity
 * it is about ({@code org.approvalchain.step.recorded@Activity_CheckName}; a case's end with its
 * end event). A fact told under two ids happened twice; a delivered again under one id is fine.
 */
final class EventReceiver implements AutoCloseable {

    /** Every event type a subscription can name (docs/events.md). */
    static final List<String> TYPES = List.of("org.approvalchain.case.started", "org.approvalchain.task.created",
            "org.approvalchain.step.recorded", "org.approvalchain.decision.recorded", "org.approvalchain.case.ended",
            "org.approvalchain.incident.created");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Map<String, Map<String, Set<String>>> factsByCase = new ConcurrentHashMap<>();
    private final AtomicInteger deliveries = new AtomicInteger();

    EventReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(threads);
        server.createContext("/events", this::receive);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
    }

    /** How many deliveries came, a delivery again of the same event counted each time. */
    int deliveries() {
        return deliveries.get();
    }

    /** Whether every fact in {@code expected} has been told of {@code caseId} (and perhaps more). */
    boolean told(String caseId, Set<String> expected) {
        return facts(caseId).keySet().containsAll(expected);
    }

    /** What is wrong with the events of {@code caseId}: a fact of {@code expected} missing or told under two ids, or another fact. */
    Optional<String> toldWrong(String caseId, Set<String> expected) {
        Map<String, Set<String>> facts = facts(caseId);
        if (facts.keySet().equals(expected) && facts.values().stream().allMatch(ids -> ids.size() == 1)) {
            return Optional.empty();
        }
        return Optional.of("case " + caseId + " told by its events (fact=event ids) " + facts + "; expected each of "
                + expected + " once");
    }

    private Map<String, Set<String>> facts(String caseId) {
        Map<String, Set<String>> facts = factsByCase.getOrDefault(caseId, Map.of());
        synchronized (facts) {
            Map<String, Set<String>> copy = new TreeMap<>();
            facts.forEach((fact, ids) -> copy.put(fact, new TreeSet<>(ids)));
            return copy;
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            JsonNode event = JSON.readTree(body);
            JsonNode data = event.path("data");
            String about = data.hasNonNull("activityId") ? data.path("activityId").asText() : data.path("endActivityId").asText();
            Map<String, Set<String>> facts = factsByCase.computeIfAbsent(event.path("subject").asText(),
                    c -> new TreeMap<>());
            synchronized (facts) {
                facts.computeIfAbsent(event.path("type").asText() + "@" + about, f -> new TreeSet<>())
                        .add(event.path("id").asText());
            }
            deliveries.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
