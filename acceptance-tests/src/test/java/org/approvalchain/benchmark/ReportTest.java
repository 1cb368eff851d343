package org.approvalchain.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.approvalchain.benchmark.Contender.CaseTimes;
import org.junit.jupiter.api.Test;

/** The history table: each size's median cases/s and median pair ratio, against the first size's. */
class ReportTest {

    private static final CaseTimes A_CASE = new CaseTimes(Duration.ofMillis(50), Duration.ofMillis(100), 2, Duration.ZERO);

    @Test
    void eachSizeIsSetAgainstTheFirstByItsMedianCasesPerSecondAndItsMedianPairRatio() {
        // 1,000 stored: ours 10 / 20 / 30 cases/s against 40 each, the pairs 0.25 / 0.5 / 0.75
        Report first = report(List.of(10, 20, 30), List.of(40, 40, 40));
        // 10,000 stored: ours 15 / 16 / 17 against 20 / 40 / 32, the pairs 0.75 / 0.4 / 0.53125
        Report later = report(List.of(15, 16, 17), List.of(20, 40, 32));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        Report.history(new PrintStream(printed, true, StandardCharsets.UTF_8),
                List.of(new Report.AtSize(1000, 1000, first), new Report.AtSize(10300, 10000, later)), "ours", "plain Camunda");

        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).contains(
                "| 4 | 1,000 | 1,000 | 20.00 | – | 0.50 | – |",
                "| 4 | 10,300 | 10,000 | 16.00 | -20% | 0.53 | +6% |");
    }

    private static Report report(List<Integer> ours, List<Integer> plain) {
        Report report = new Report(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        for (int pair = 0; pair < ours.size(); pair++) {
            report.add(run("ours", ours.get(pair)));
            report.add(run("plain Camunda", plain.get(pair)));
        }
        return report;
    }

    /** A run at 4 in flight that completed {@code cases} cases in one second. */
    private static RunResult run(String system, int cases) {
        return new RunResult(system, 4, Collections.nCopies(cases, A_CASE), List.of(), Duration.ofSeconds(1), 0, Map.of(), Map.of());
    }
}
