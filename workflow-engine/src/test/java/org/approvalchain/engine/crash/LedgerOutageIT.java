package org.approvalchain.engine.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.engine.chain.Contracts;
import org.approvalchain.engine.events.CaseEventType;
import org.approvalchain.engine.events.Subscriptions;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.OwnEngine;
import org.approvalchain.engine.support.Reply;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With the chain unreachable nothing is lost silently: a contract step's job is retried with
 * back-off and then becomes an incident that an operator sees and retries through Camunda's REST
 * API; a decision submitted meanwhile is refused with 503 but kept, and recorded once the chain is
 * back. In both cases the very transaction journalled before the outage is the one on chain, once.
 */
// an engine of its own, under its own name: Camunda's REST API finds engines by name, and the
// engine the shared ITs use is "default" (names may not contain hyphens); closed after the class
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.process-engine-name=ledgeroutage",
        "camunda.bpm.generic-properties.properties.failedJobRetryTimeCycle=R2/PT1S",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000",
        "approvalchain.decisions.recovery-interval=PT1S"})
@DirtiesContext
@OwnEngine
class LedgerOutageIT {

    /** Camunda REST for this class's own engine (the unnamed paths are the shared engine's). */
    private static final String ENGINE_REST = "/engine-rest/engine/ledgeroutage";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("approvalchain.data-dir", dataDir::toString);
    }

    @TestConfiguration
    static class Outage {
        @Bean(destroyMethod = "")
        @Primary
        SwitchableLedger switchableLedger(@Qualifier("embeddedLedger") Ledger real) {
            return new SwitchableLedger(real);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    SwitchableLedger ledger;
    @Autowired
    Contracts contracts;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Subscriptions subscriptions;
    @Autowired
    TestRestTemplate http;

    ApiClient client;
    CliDecisionSigner signer;
    ChainEvidence chain;

    @BeforeEach
    void connect() {
        client = ApiClient.demoUser("http://localhost:" + port, CliDecisionSigner.APPROVER);
        signer = CliDecisionSigner.demoApprover(dataDir);
        chain = new ChainEvidence(ledger, contracts.addresses());
    }

    @AfterEach
    void chainBack() {
        ledger.switchOn();
    }

    @Test
    void aStepRetriesWhileTheChainIsDownThenRaisesAnIncidentThatAnOperatorRetries() throws Exception {
        // an incident's event is kept only for someone to receive it (docs/events.md): a receiver that is never there
        subscriptions.add("http://127.0.0.1:9/", List.of(CaseEventType.INCIDENT_CREATED.type()), "a-receiver-never-there",
                "operator");
        int refusedBefore = ledger.refusedSends();
        ledger.switchOff();
        String caseId = LicenceCase.start(client);
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult().getId();

        await("an incident", () -> runtime.createIncidentQuery().processInstanceId(instance).count() == 1);
        List<?> incidents = operator().getForObject(ENGINE_REST + "/incident?processInstanceId=" + instance, List.class);
        assertThat(incidents).as("incidents an operator sees in Camunda's REST API").hasSize(1);
        Map<?, ?> incident = (Map<?, ?>) incidents.get(0);
        assertThat(incident.get("incidentType")).isEqualTo("failedJob");
        assertThat(incident.get("activityId")).isEqualTo("Activity_CheckEligibility");
        assertThat((String) incident.get("incidentMessage")).contains(SwitchableLedger.CODE);
        assertThat(jdbc.queryForList("SELECT body FROM ac_event WHERE case_id = ? AND type = 'org.approvalchain.incident.created'",
                String.class, caseId)).as("the incident as a case event (docs/events.md)").singleElement().asString()
                .contains("\"activityId\":\"Activity_CheckEligibility\"", "\"incidentType\":\"failedJob\"");
        Job job = management.createJobQuery().processInstanceId(instance).singleResult();
        assertThat(job.getRetries()).isZero();
        assertThat(ledger.refusedSends() - refusedBefore).as("sends refused by the chain: first try and retry")
                .isGreaterThanOrEqualTo(2);
        String journalled = journalledTx(caseId + "/Activity_CheckEligibility#1/step");
        assertThat(chain.evaluations(caseId)).as("evaluations on chain during the outage").isZero();

        ledger.switchOn();
        var retried = operator().exchange(ENGINE_REST + "/job/" + job.getId() + "/retries", HttpMethod.PUT,
                new HttpEntity<>(Map.of("retries", 1)), String.class);
        assertThat(retried.getStatusCode()).as("operator's retry: %s", retried.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        client.awaitOpenTask(caseId, LicenceCase.REVIEW, Duration.ofSeconds(30));
        JsonNode waiting = client.caseView(caseId);
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).as("incidents left").isZero();
        assertThat(chain.evaluations(caseId)).as("EligibilityRule.evaluate on chain").isEqualTo(1);
        assertThat(chain.steps(caseId)).containsExactly("Activity_CheckEligibility#1");
        assertThat(waiting.path("steps").get(0).path("callTxHash").asText())
                .as("the transaction on chain is the one journalled before the outage").isEqualTo(journalled);
        assertThat(chain.failedTransactions()).isEmpty();
    }

    @Test
    void aDecisionSubmittedWhileTheChainIsDownIsKeptAndRecordedOnceWhenItIsBack() throws Exception {
        String caseId = LicenceCase.start(client);
        String taskId = client.awaitOpenTask(caseId, LicenceCase.REVIEW, Duration.ofSeconds(30));

        ledger.switchOff();
        String payload = client.decisionPayload(taskId, "APPROVE", LicenceCase.APPROVAL_REASON);
        Reply refused = client.submitDecision(taskId, payload, signer.sign(payload));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.text()).contains("\"status\":503").contains(SwitchableLedger.CODE);
        Thread.sleep(2_500); // recovery runs every second meanwhile, and fails
        assertThat(decisionState(taskId)).as("the decision, while the chain is down").isEqualTo("SIGNED");
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the task stays open").isEqualTo(1);
        assertThat(chain.decisions(caseId)).isEmpty();

        ledger.switchOn();
        JsonNode done = client.awaitState(caseId, "COMPLETED", Duration.ofSeconds(30));
        assertThat(decisionState(taskId)).isEqualTo("RECORDED");
        assertThat(done.path("steps")).hasSize(3);
        assertThat(chain.decisions(caseId)).as("decisions on chain").containsExactly(taskId);
        assertThat(chain.steps(caseId)).containsExactly(
                "Activity_CheckEligibility#1", "Activity_ReviewApplication#1", "Activity_IssueLicence#1");
        assertThat(chain.licencesIssued(caseId)).isEqualTo(1);
        assertThat(chain.failedTransactions()).isEmpty();
    }

    private TestRestTemplate operator() {
        return http.withBasicAuth("demo", "demo");
    }

    private String journalledTx(String writeKey) {
        return jdbc.queryForObject("SELECT tx_hash FROM ac_chain_write WHERE write_key = ?", String.class, writeKey);
    }

    private String decisionState(String taskId) {
        return jdbc.queryForObject("SELECT state FROM ac_decision WHERE task_id = ?", String.class, taskId);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + what + " within a minute");
            }
            Thread.sleep(200);
        }
    }
}
