package org.approvalchain.engine.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.engine.ledger.LedgerProperties;
import org.approvalchain.engine.ledger.embedded.EmbeddedLedger;
import org.approvalchain.engine.support.ApiClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills the real engine (its jar, as a child process) at each crash point between its commits and
 * its chain writes, restarts it on the same data directory without the crash point, and checks on
 * the chain itself that the case went through with every step, the decision and each contract
 * call recorded exactly once and no transaction repeated (a repeat would revert).
 */
class CrashAndRestartIT {

    /**
     * The killed engine locks its jobs for Camunda's default of 5 minutes, longer than the restarted
     * engine is given to finish the case: a job it had locked runs again only because the restarted
     * engine releases the locks it finds in its embedded database.
     */
    private static final String LONG_JOB_LOCKS = "--camunda.bpm.job-execution.lock-time-in-millis=300000";
    private static final String[] ACTIVITIES = {"Activity_CheckEligibility", "Activity_ReviewApplication", "Activity_IssueLicence"};

    @ParameterizedTest(name = "killed at {0}")
    @ValueSource(strings = {
            "chain-write-sent@/Activity_CheckEligibility#1/step",    // rule evaluated and step recorded in one tx, journal not completed
            "chain-write-journalled@/Activity_IssueLicence#1/step", // (job) licence-and-step tx journalled, never sent
            "step-recorded@/Activity_IssueLicence#1",               // licence and step on chain, job not committed
            "decision-kept",                                        // decision kept as SIGNED, nothing on chain
            "chain-write-sent@/Activity_ReviewApplication#1/step",   // (request) decision and step on chain, journal not completed
            "decision-on-chain"})                                   // decision and step on chain, task not completed
    void aKilledEngineFinishesTheCaseAfterARestartWithEveryChainWriteOnce(String haltAt) throws Exception {
        Path dataDir = freshDataDir(haltAt);
        CliDecisionSigner signer = CliDecisionSigner.demoApprover(dataDir);
        String caseId;
        boolean decided;
        try (EngineProcess engine = EngineProcess.start(dataDir, LONG_JOB_LOCKS, "--approvalchain.test.halt-at=" + haltAt)) {
            ApiClient client = approverOn(engine);
            caseId = LicenceCase.start(client);
            decided = driveUntilKilled(engine, client, caseId, signer);
            assertThat(engine.awaitExit(Duration.ofSeconds(30))).as("exit code, as after kill -9").isEqualTo(137);
        }

        Map<String, String> contracts;
        try (EngineProcess engine = EngineProcess.start(dataDir)) {
            ApiClient client = approverOn(engine);
            if (!decided) {
                String taskId = client.awaitOpenTask(caseId, LicenceCase.REVIEW, Duration.ofSeconds(60));
                client.decide(taskId, "APPROVE", LicenceCase.APPROVAL_REASON, signer::sign);
            }
            JsonNode done = client.awaitState(caseId, "COMPLETED", Duration.ofSeconds(90));
            assertThat(done.path("steps")).extracting(step -> step.path("activityId").asText())
                    .as("the case's steps").containsExactly(ACTIVITIES);
            contracts = contracts(client);
        }

        try (EmbeddedLedger ledger = EmbeddedLedger.open(ChainCrypto.ECDSA, new LedgerProperties.Embedded(
                dataDir.resolve("ledger"), "chain0", "group0", 200, Duration.ZERO, 1000))) {
            ChainEvidence chain = new ChainEvidence(ledger, contracts);
            assertThat(chain.casesOpened(caseId)).as("case opened on CaseLedger").isEqualTo(1);
            assertThat(chain.steps(caseId)).as("steps on CaseLedger")
                    .containsExactly("Activity_CheckEligibility#1", "Activity_ReviewApplication#1", "Activity_IssueLicence#1");
            assertThat(chain.decisions(caseId)).as("decisions on DecisionRegistry").hasSize(1);
            assertThat(chain.evaluations(caseId)).as("EligibilityRule.evaluate").isEqualTo(1);
            assertThat(chain.licencesIssued(caseId)).as("LicenseRegistry.issue").isEqualTo(1);
            assertThat(chain.failedTransactions()).as("reverted or failed transactions").isEmpty();
        }
    }

    /**
     * Lets the case run (approving its task once it is open) until the engine dies at its crash
     * point; returns whether the decision was submitted.
     */
    private static boolean driveUntilKilled(EngineProcess engine, ApiClient client, String caseId, CliDecisionSigner signer)
            throws InterruptedException {
        boolean decided = false;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (engine.isAlive()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the engine never reached its crash point; log:\n" + engine.tail());
            }
            try {
                Optional<String> task = decided ? Optional.empty() : openTask(client, caseId);
                if (task.isPresent()) {
                    decided = true;
                    client.decide(task.get(), "APPROVE", LicenceCase.APPROVAL_REASON, signer::sign);
                }
            } catch (UncheckedIOException connectionDied) {
                // the engine halted while answering
            }
            Thread.sleep(200);
        }
        return decided;
    }

    /** {@code target/crash-it/<point>}, emptied: kept after the run, with the engine's logs, for a look after a failure. */
    private static Path freshDataDir(String haltAt) throws IOException {
        Path dir = Path.of("target", "crash-it", haltAt.replaceAll("[^A-Za-z0-9]+", "-")).toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    private static ApiClient approverOn(EngineProcess engine) {
        return ApiClient.demoUser("http://localhost:" + engine.port, CliDecisionSigner.APPROVER);
    }

    /** The id of the case's open task, if it has one. */
    private static Optional<String> openTask(ApiClient client, String caseId) {
        JsonNode open = client.caseView(caseId).path("openTasks");
        return open.isEmpty() ? Optional.empty() : Optional.of(open.get(0).path("taskId").asText());
    }

    /** The engine's contract addresses by name. */
    private static Map<String, String> contracts(ApiClient client) {
        Map<String, String> addresses = new HashMap<>();
        client.ledgerStatus().path("contracts").fields()
                .forEachRemaining(contract -> addresses.put(contract.getKey(), contract.getValue().asText()));
        return addresses;
    }
}
