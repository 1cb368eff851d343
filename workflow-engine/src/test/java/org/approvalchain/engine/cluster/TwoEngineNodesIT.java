package org.approvalchain.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.approvalchain.contracts.CaseLedgerContract.StepKind;
import org.approvalchain.contracts.CaseLedgerContract.StepRecorded;
import org.approvalchain.contracts.CaseLedgerContract;
import org.approvalchain.contracts.DecisionRegistryContract.DecisionRecorded;
import org.approvalchain.contracts.DecisionRegistryContract;
import org.approvalchain.engine.chain.Contracts;
import org.approvalchain.engine.ledger.EventLog;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.support.EngineCluster;
import org.approvalchain.engine.support.EngineNode;
import org.approvalchain.engine.support.OwnEngine;
import org.approvalchain.engine.support.PostgresSchema;
import org.approvalchain.engine.support.SharedChain;
import org.approvalchain.engine.support.Sm2DecisionSigner;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda's cluster model with our chain: two engine nodes (each its own web server and job
 * executor) started at the same moment on one fresh PostgreSQL schema and one chain (they take
 * turns creating the schema, contracts and demo data). Cases are started and decided on both nodes
 * alternately; whichever node runs a step, the chain must hold every step and every decision
 * exactly once, and the database the same steps.
 */
@OwnEngine
class TwoEngineNodesIT {

    private static final int CASES = 6;
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> OFFICERS = List.of("wang.fang", "li.na");
    private static final List<String> STEPS = List.of(
            "Activity_CheckEligibility#1", "Activity_ReviewApplication#1", "Activity_IssueLicence#1");

    @TempDir
    Path dataDir;

    @Test
    void recordsEveryStepAndDecisionExactlyOnceWhicheverNodeWorksTheCase() {
        try (PostgresSchema schema = PostgresSchema.create("two_nodes");
             SharedChain chain = SharedChain.open(dataDir.resolve("ledger"));
             EngineCluster cluster = EngineCluster.startTogether(schema, dataDir, chain, "node_a", "node_b")) {
            List<EngineNode> nodes = cluster.nodes();
            EngineNode nodeA = nodes.get(0);
            EngineNode nodeB = nodes.get(1);

            List<String> caseIds = new ArrayList<>();
            for (int i = 0; i < CASES; i++) {
                caseIds.add(nodes.get(i % 2).as("wang.fang").startCase("licence-application",
                        Map.of("applicantAge", 20 + i, "licenceType", "food-business"), Map.of("name", "申请人" + i)));
            }
            for (int i = 0; i < CASES; i++) {
                EngineNode decidingNode = nodes.get((i + 1) % 2);
                String officer = OFFICERS.get(i % 2);
                String taskId = decidingNode.as(officer).awaitOpenTask(caseIds.get(i), "Activity_ReviewApplication", TIMEOUT);
                decidingNode.as(officer).decide(taskId, "APPROVE", "材料齐全", Sm2DecisionSigner.demoUser(dataDir, officer)::sign);
            }
            caseIds.forEach(caseId -> nodeA.as("wang.fang").awaitState(caseId, "COMPLETED", TIMEOUT));

            List<String> expectedSteps = caseIds.stream().flatMap(c -> STEPS.stream().map(s -> c + "/" + s)).toList();
            Contracts contracts = nodeA.bean(Contracts.class);
            CaseLedgerContract caseLedger = new CaseLedgerContract(contracts.codec());
            DecisionRegistryContract registry = new DecisionRegistryContract(contracts.codec());

            List<StepRecorded> steps = events(chain.ledger(), contracts.address(CaseLedgerContract.NAME), caseLedger::stepRecorded);
            assertThat(steps).extracting(s -> s.caseId() + "/" + s.activityInstanceId())
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(expectedSteps);
            assertThat(steps).filteredOn(s -> s.kind() == StepKind.MANUAL).hasSize(CASES);

            List<DecisionRecorded> decisions = events(chain.ledger(), contracts.address(DecisionRegistryContract.NAME),
                    registry::decisionRecorded);
            assertThat(decisions).extracting(DecisionRecorded::taskId).doesNotHaveDuplicates().hasSize(CASES);
            assertThat(decisions).extracting(DecisionRecorded::caseId).containsExactlyInAnyOrderElementsOf(caseIds);
            assertThat(decisions).extracting(DecisionRecorded::approverId).containsOnly("wang.fang", "li.na");

            JdbcTemplate db = nodeB.bean(JdbcTemplate.class);
            assertThat(db.queryForList("SELECT step_key FROM ac_case_step", String.class))
                    .containsExactlyInAnyOrderElementsOf(expectedSteps);
            assertThat(db.queryForList("SELECT state FROM ac_decision", String.class))
                    .hasSize(CASES).containsOnly("RECORDED");

            assertThat(nodeA.bean(HistoryService.class).createHistoricJobLogQuery().successLog().list())
                    .as("both job executors ran contract steps")
                    .extracting(HistoricJobLog::getHostname)
                    .anyMatch(host -> host.endsWith("$node_a"))
                    .anyMatch(host -> host.endsWith("$node_b"));
        }
    }

    private static <T> List<T> events(Ledger ledger, String contract,
                                      BiFunction<List<String>, byte[], Optional<T>> decoder) {
        List<EventLog> logs = ledger.events(contract, 0, ledger.status().blockNumber());
        return logs.stream().map(log -> decoder.apply(log.topics(), log.data())).flatMap(Optional::stream).toList();
    }
}
