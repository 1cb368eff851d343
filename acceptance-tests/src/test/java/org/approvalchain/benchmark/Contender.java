package org.approvalchain.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.approvalchain.benchmark.JsonClient.Patience;
import org.approvalchain.benchmark.JsonClient.Polled;

/**
 * A system the benchmark drives through its REST API: how it is started, and how one
 * business-registration case goes through it from the application to the end, approved.
 */
interface Contender {

    /** The process both systems run, from bpmn-models. */
    String PROCESS = "business-registration";
    String REVIEW = "Activity_OfficerReview";

    String name();

    /** Starts the system in a JVM of its own, its output in {@code log}; returns once it is ready. */
    AppProcess start(Path log) throws IOException;

    /** Runs one case with the trade name {@code tradeName} (unique, so the name check always finds it free), polling with {@code patience}. */
    CaseTimes runCase(String tradeName, Patience patience) throws IOException;

    /**
     * The histogram of the system's contract steps so far, from their jobs' start to their receipts:
     * the cumulative count of steps per upper bound in seconds ({@code +Inf} the last); empty when
     * the system does not measure them (the baseline's steps are no-ops).
     */
    default Map<Double, Long> contractStepBuckets() throws IOException {
        return Map.of();
    }

    /** The application's fields, the same for both systems: complete materials, a new trade name. */
    static Map<String, Object> application(String tradeName) {
        return Map.of("enterpriseName", "北京" + tradeName + "科技有限公司", "tradeName", tradeName,
                "industry", "软件和信息技术服务业", "materialsSubmitted", 5L);
    }

    /**
     * From the application to the officer's task being seen, and to the end of the case being seen;
     * how many GETs the two waits took (2 when each was seen at the first poll, 10 ms after the
     * request before it; the next polls come 25, 47, 80 ms after it, so each further one is a wait
     * rounded up), and how long those GETs took to be answered, summed.
     */
    record CaseTimes(Duration toTask, Duration endToEnd, int polls, Duration pollAnswers) {

        static CaseTimes since(long startNanos, long taskSeenNanos, Polled<?> task, Polled<?> end) {
            return new CaseTimes(Duration.ofNanos(taskSeenNanos - startNanos), Duration.ofNanos(System.nanoTime() - startNanos),
                    task.requests() + end.requests(), task.answering().plus(end.answering()));
        }
    }
}
