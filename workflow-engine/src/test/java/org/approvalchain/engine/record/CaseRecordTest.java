package org.approvalchain.engine.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The case record on the tables the Flyway migrations create, alone: {@code @JdbcTest} runs the
 * migrations of {@code db/migration} on an empty embedded H2 (in production Camunda's tables come
 * first and Flyway baselines under them; on an empty schema it simply migrates from V1), each test in
 * a transaction rolled back afterwards.
 */
@JdbcTest
@Import(CaseRecord.class)
@RecordApplicationEvents
class CaseRecordTest {

    static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");

    @Autowired
    CaseRecord record;

    @Autowired
    ApplicationEvents events;

    @Test
    void migratesTheEmptySchemaFromTheFirstMigration(@Autowired Flyway flyway) {
        MigrationInfoService migrations = flyway.info();

        assertThat(migrations.pending()).isEmpty();
        assertThat(migrations.applied()[0].getVersion().getVersion()).isEqualTo("1");
    }

    @Test
    void findsTheDecisionsToRecoverByIndexNotByReadingEveryDecision(@Autowired JdbcTemplate jdbc) {
        String plan = jdbc.queryForObject("EXPLAIN SELECT task_id FROM ac_decision WHERE state = 'SIGNED'", String.class);

        assertThat(plan).containsIgnoringCase("ac_decision_by_state");
    }

    @Test
    void readsACasesStepsBackInChainOrder() {
        record.add(step("case-1", "Activity_IssueLicence", 12, T0.plusSeconds(20)));
        record.add(step("case-1", "Activity_CheckEligibility", 7, T0.plusSeconds(30)));
        record.add(step("case-1", "Activity_ReviewApplication", 9, T0));
        record.add(step("case-2", "Activity_CheckEligibility", 8, T0));

        assertThat(record.steps("case-1")).extracting(CaseStep::activityId)
                .containsExactly("Activity_CheckEligibility", "Activity_ReviewApplication", "Activity_IssueLicence");
    }

    @Test
    void ordersStepsOfOneBlockByTime() {
        record.add(step("case-1", "Activity_CheckTax", 7, T0.plusSeconds(1)));
        record.add(step("case-1", "Activity_CheckTitle", 7, T0));

        assertThat(record.steps("case-1")).extracting(CaseStep::activityId)
                .containsExactly("Activity_CheckTitle", "Activity_CheckTax");
    }

    @Test
    void readsAStepBackAsItWasAdded() {
        CaseStep added = step("case-1", "Activity_CheckEligibility", 7, T0);

        record.add(added);

        assertThat(record.steps("case-1")).containsExactly(added);
    }

    @Test
    void publishesStepRecorded() {
        CaseStep added = step("case-1", "Activity_CheckEligibility", 7, T0);

        record.add(added);

        assertThat(events.stream(StepRecorded.class)).containsExactly(new StepRecorded(added));
    }

    @Test
    void keepsTheFirstDecisionSignedForATask() {
        KeptDecision first = signed("task-1", "APPROVE");

        assertThat(record.keep(first)).isEqualTo(first);
        assertThat(record.keep(signed("task-1", "REJECT"))).isEqualTo(first);
        assertThat(record.decision("task-1")).contains(first);
        assertThat(record.decisions("case-1")).containsExactly(first);
    }

    @Test
    void listsKeptDecisionsNotYetOnChain() {
        record.keep(signed("task-1", "APPROVE"));
        record.keep(signed("task-2", "REJECT"));
        record.markRecorded("task-1", "0xd1", 21);

        assertThat(record.signedTaskIds()).containsExactly("task-2");
        assertThat(record.isRecorded("task-1")).isTrue();
        assertThat(record.isRecorded("task-2")).isFalse();
        assertThat(record.isRecorded("no-such-task")).isFalse();
    }

    @Test
    void marksADecisionRecordedOnlyOnce() {
        record.keep(signed("task-1", "APPROVE"));

        assertThat(record.markRecorded("task-1", "0xd1", 21)).isTrue();
        assertThat(record.markRecorded("task-1", "0xd2", 22)).isFalse();

        KeptDecision recorded = record.decision("task-1").orElseThrow();
        assertThat(recorded.state()).isEqualTo(KeptDecision.State.RECORDED.name());
        assertThat(recorded.recorded()).isTrue();
        assertThat(recorded.decisionTxHash()).isEqualTo("0xd1");
        assertThat(recorded.decisionBlock()).isEqualTo(21L);
        assertThat(recorded.recordedAt()).isNotNull();
    }

    @Test
    void marksNothingForATaskWithoutAKeptDecision() {
        assertThat(record.markRecorded("no-such-task", "0xd1", 21)).isFalse();
        assertThat(events.stream(DecisionRecorded.class)).isEmpty();
    }

    @Test
    void publishesDecisionRecordedOnceWithTheRecordedDecision() {
        record.keep(signed("task-1", "APPROVE"));

        record.markRecorded("task-1", "0xd1", 21);
        record.markRecorded("task-1", "0xd2", 22);

        assertThat(events.stream(DecisionRecorded.class)).singleElement()
                .satisfies(e -> assertThat(e.decision()).isEqualTo(record.decision("task-1").orElseThrow()));
    }

    @Test
    void knowsACaseByItsStepsOrItsDecisions() {
        record.add(step("case-with-step", "Activity_CheckEligibility", 7, T0));
        record.keep(signed("task-9", "case-with-decision", "APPROVE"));

        assertThat(record.knows("case-with-step")).isTrue();
        assertThat(record.knows("case-with-decision")).isTrue();
        assertThat(record.knows("case-unknown")).isFalse();
        assertThat(record.caseIds()).containsExactly("case-with-decision", "case-with-step");
    }

    @Test
    void listsEachCaseOnce() {
        record.add(step("case-1", "Activity_CheckEligibility", 7, T0));
        record.add(step("case-1", "Activity_IssueLicence", 9, T0));
        record.keep(signed("task-1", "APPROVE"));

        assertThat(record.caseIds()).containsExactly("case-1");
    }

    @Test
    void knowsTheLastVisitOfAnActivityInACase() {
        assertThat(record.lastVisit("case-1", "Activity_CheckName")).as("no step yet").isZero();
        record.add(step("case-1", "Activity_CheckName", 1, 7, T0));
        record.add(step("case-1", "Activity_CheckName", 2, 9, T0.plusSeconds(60)));
        record.add(step("case-1", "Activity_CheckMaterials", 3, 9, T0.plusSeconds(60)));
        record.add(step("case-2", "Activity_CheckName", 4, 11, T0));

        assertThat(record.lastVisit("case-1", "Activity_CheckName")).isEqualTo(2);
        assertThat(record.lastVisit("case-1", "Activity_CheckMaterials")).isEqualTo(3);
        assertThat(record.lastVisit("case-2", "Activity_CheckMaterials")).isZero();
    }

    private static CaseStep step(String caseId, String activityId, long block, Instant at) {
        return step(caseId, activityId, 1, block, at);
    }

    private static CaseStep step(String caseId, String activityId, int visit, long block, Instant at) {
        return new CaseStep(caseId + "/" + activityId + "#" + visit, caseId, activityId, activityId + " name", visit,
                CaseStep.Kind.AUTOMATIC, "EligibilityRule", "evaluate", "0xinputs", "0xresult", "{\"status\":0}",
                "0xcall", block - 1, 0, null, "0xstep", block, null, at);
    }

    private static KeptDecision signed(String taskId, String decision) {
        return signed(taskId, "case-1", decision);
    }

    /** As {@link KeptDecision#signed} makes it, but signed at a time the TIMESTAMP column keeps to the digit. */
    private static KeptDecision signed(String taskId, String caseId, String decision) {
        return new KeptDecision(taskId, caseId, "Activity_ReviewApplication", "chen.jie", decision, "reasons",
                "{\"decision\":\"" + decision + "\"}", "0xpayload", "c2lnbmF0dXJl", "0x04ab", "{\"caseId\":\"" + caseId + "\"}",
                KeptDecision.State.SIGNED.name(), null, null, T0, null);
    }
}
