package org.approvalchain.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.approvalchain.benchmark.Contender.CaseTimes;
import org.junit.jupiter.api.Test;

/** The contract-step percentiles the benchmark reads from the engine's histogram buckets, over one run and several; the polls per case. */
class RunResultTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void aPercentileIsTheUpperBoundOfTheBucketThatHoldsIt() {
        // 100 steps: 60 within 10 ms, 98 within 50 ms, 99 within 100 ms, the last one slower
        RunResult run = run(Map.of(0.005, 20L, 0.01, 60L, 0.05, 98L, 0.1, 99L, 1.0, 100L, INF, 100L));
        assertThat(RunResult.stepMillis(List.of(run), 50)).isEqualTo(10.0);
        assertThat(RunResult.stepMillis(List.of(run), 98)).isEqualTo(50.0);
        assertThat(RunResult.stepMillis(List.of(run), 99)).isEqualTo(100.0);
        assertThat(RunResult.stepMillis(List.of(run), 100)).isEqualTo(1000.0);
    }

    @Test
    void severalRunsAddTheirBuckets() {
        RunResult fast = run(Map.of(0.01, 10L, 0.05, 10L, INF, 10L));
        RunResult slow = run(Map.of(0.01, 0L, 0.05, 0L, INF, 10L));
        assertThat(RunResult.stepMillis(List.of(fast, slow), 50)).isEqualTo(10.0);
        assertThat(RunResult.stepMillis(List.of(fast, slow), 51)).isEqualTo(INF);
    }

    @Test
    void noStepsMeasuredIsNoFigure() {
        assertThat(RunResult.stepMillis(List.of(run(Map.of())), 99)).isNaN();
    }

    @Test
    void pollsPerCaseAndTheirAnswersTimeAreMeansOverTheCompletedCases() {
        List<CaseTimes> cases = List.of(new CaseTimes(Duration.ofMillis(30), Duration.ofMillis(80), 2, Duration.ofMillis(6)),
                new CaseTimes(Duration.ofMillis(50), Duration.ofMillis(120), 5, Duration.ofMillis(15)));
        RunResult run = new RunResult("ours", 1, cases, List.of(), Duration.ofSeconds(1), 0, Map.of(), Map.of());
        assertThat(run.pollsPerCase()).isEqualTo(3.5);
        assertThat(run.pollAnswerMillis()).as("21 ms over 7 polls").isEqualTo(3.0);
        assertThat(run(Map.of()).pollsPerCase()).isNaN();
        assertThat(run(Map.of()).pollAnswerMillis()).isNaN();
    }

    private static RunResult run(Map<Double, Long> buckets) {
        return new RunResult("ours", 1, List.of(), List.of(), Duration.ofSeconds(1), 0, Map.of(), buckets);
    }
}
