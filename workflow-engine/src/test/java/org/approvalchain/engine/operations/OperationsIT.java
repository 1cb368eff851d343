package org.approvalchain.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.Reply;
import org.approvalchain.engine.support.SharedEngine;
import org.approvalchain.engine.support.Sm2DecisionSigner;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an operator watches, over HTTP as Prometheus and a load balancer see it: the metrics behind
 * authentication, moving while a case runs to its end; health, liveness and readiness, with
 * details for administrators only.
 */
@SharedEngine
class OperationsIT {

    private static final Map<String, String> PROMETHEUS = Map.of("Accept", "text/plain");
    /** Series that exist once there is one of what they count: a case here runs clean. */
    private static final Set<String> ONCE_THERE_IS_ONE = Set.of("approvalchain_incidents_open",
            "approvalchain_verifier_findings_total");

    @LocalServerPort
    int port;

    @Test
    void theMetricsMoveWhileACaseRunsToItsEnd() throws IOException {
        ApiClient admin = client("demo");
        String before = metrics(admin);
        ApiClient wangFang = client("wang.fang");
        String caseId = wangFang.startCase("licence-application", Map.of("applicantAge", 33, "licenceType", "营业执照"),
                Map.of("name", "王五"));
        String taskId = wangFang.awaitOpenTask(caseId, "Activity_ReviewApplication", Duration.ofSeconds(30));
        awaitMetrics(admin, m -> value(m, "approvalchain_tasks_open", "process=\"licence-application\"",
                "group=\"licensing-officers\"") >= 1);
        wangFang.decide(taskId, "APPROVE", "符合条件", Sm2DecisionSigner.demoUser(SharedEngine.DATA_DIR, "wang.fang")::sign);
        wangFang.awaitState(caseId, "COMPLETED", Duration.ofSeconds(30));

        // the stored figures are read in turns, a few seconds apart, and other tests' cases end too: a
        // refresh can count a case's end before this case wrote to the chain, so wait for all of them
        String after = awaitMetrics(admin, m -> moved(before, m, "approvalchain_cases_ended_total",
                "process=\"licence-application\"", "state=\"COMPLETED\"")
                && moved(before, m, "approvalchain_cases_started_total", "process=\"licence-application\"")
                // a step's call and its record, the decision's too, are one CaseLedger.recordCall transaction each
                && moved(before, m, "approvalchain_chain_transactions_total", "contract=\"CaseLedger\"", "outcome=\"succeeded\"")
                && moved(before, m, "approvalchain_ledger_height"));
        assertThat(value(after, "approvalchain_decision_latency_seconds_count", "process=\"licence-application\"",
                "activity=\"Activity_ReviewApplication\"")).isPositive();
        assertThat(value(after, "approvalchain_contract_step_seconds_count", "contract=\"EligibilityRule\"",
                "outcome=\"succeeded\"")).isPositive();
        assertThat(value(after, "camunda_job_executor_total", "event=\"job-successful\"")).isPositive();
        assertThat(after).contains("approvalchain_chain_journal_backlog", "approvalchain_decisions_unrecorded",
                "approvalchain_tasks_overdue", "approvalchain_ledger_block_interval_seconds_count",
                "approvalchain_cases_active", "hikaricp_connections_active");

        double runs = value(after, "approvalchain_verifier_runs_total", "clean=\"true\"");
        wangFang.request("GET", "/api/cases/" + caseId + "/verify", null).accepted();
        String verified = metrics(admin);
        assertThat(value(verified, "approvalchain_verifier_runs_total", "clean=\"true\"")).isEqualTo(runs + 1);
        assertThat(dashboardMetrics()).allSatisfy(metric -> assertThat(verified).as("the dashboard's " + metric)
                .containsPattern("(?m)^" + metric + "[{ ]"));
    }

    @Test
    void theMetricsAreForAdministratorsAndTheMetricsGroupOnly() {
        ApiClient.anonymous(base()).request("GET", "/actuator/prometheus", null, PROMETHEUS).refused(401, "AUTH-001");
        client("wang.fang").request("GET", "/actuator/prometheus", null, PROMETHEUS).refused(403, "AUTH-003");
    }

    @Test
    void anonymousCallersSeeTheHealthStatusOnlyAndAdministratorsItsDetails() {
        ApiClient anonymous = ApiClient.anonymous(base());
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            Reply health = anonymous.request("GET", path, null);
            assertThat(health.status()).as(path).isEqualTo(200);
            assertThat(health.body().path("status").asText()).as(path).isEqualTo("UP");
            assertThat(health.text()).as(path).doesNotContain("components", "details", "org.", ".java", "/");
        }
        JsonNode readiness = client("demo").request("GET", "/actuator/health/readiness", null).accepted();
        assertThat(readiness.path("components").fieldNames()).toIterable()
                .contains("readinessState", "db", "ledger", "chainJournal");
        assertThat(readiness.at("/components/ledger/details/adapter").asText()).isEqualTo("embedded");
        assertThat(readiness.at("/components/chainJournal/details/unconfirmed").isNumber()).isTrue();
        assertThat(client("wang.fang").request("GET", "/actuator/health", null).text()).doesNotContain("components");
    }

    /** The engine's metrics the Grafana dashboard in docs/ queries (but those that only count what has not happened). */
    private static List<String> dashboardMetrics() throws IOException {
        Matcher name = Pattern.compile("\\b((?:approvalchain|camunda|hikaricp|http_server)_[a-z_]+)").matcher(
                Files.readString(Path.of("..", "docs", "grafana-dashboard.json")));
        List<String> names = new ArrayList<>();
        while (name.find()) {
            names.add(name.group(1));
        }
        return names.stream().distinct().filter(n -> !ONCE_THERE_IS_ONE.contains(n)).toList();
    }

    private String metrics(ApiClient client) {
        Reply reply = client.request("GET", "/actuator/prometheus", null, PROMETHEUS);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.text();
    }

    /** The metrics once {@code moved} holds of them; the engine reads stored figures every few seconds. */
    private String awaitMetrics(ApiClient client, java.util.function.Predicate<String> moved) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        String metrics = metrics(client);
        while (!moved.test(metrics)) {
            assertThat(Instant.now()).as("the metrics did not move: " + metrics).isBefore(deadline);
            pause();
            metrics = metrics(client);
        }
        return metrics;
    }

    private static boolean moved(String before, String after, String name, String... labels) {
        return value(after, name, labels) > value(before, name, labels);
    }

    /** The sum of a metric's samples whose labels include every one of {@code labels}; 0 when none. */
    private static double value(String metrics, String name, String... labels) {
        Matcher sample = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)$").matcher(metrics);
        double sum = 0;
        while (sample.find()) {
            String found = sample.group(1) == null ? "" : sample.group(1);
            boolean matches = true;
            for (String label : labels) {
                matches &= found.contains(label);
            }
            if (matches) {
                sum += Double.parseDouble(sample.group(2));
            }
        }
        return sum;
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ApiClient client(String user) {
        return ApiClient.demoUser(base(), user);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
