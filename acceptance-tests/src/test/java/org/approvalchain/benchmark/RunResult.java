package org.approvalchain.benchmark;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.approvalchain.benchmark.Contender.CaseTimes;
import org.approvalchain.benchmark.JsonClient.Patience;

/**
 * One run: one system with a fixed number of cases in flight (each driver thread starts its next
 * case when its last one has ended) until {@code cases} cases have been run; what completed, the
 * errors, the wall time from the first start to the last end, and the CPU the system's process used,
 * all of it and by kind of thread ({@link AppProcess#threadCpuMillis()}).
 */
record RunResult(String system, int inFlight, List<CaseTimes> completed, List<String> errors, Duration wall, long cpuMillis,
                 Map<String, Long> threadMillis, Map<Double, Long> stepBuckets) {

    static RunResult measure(Contender contender, AppProcess app, int inFlight, int cases, IntFunction<String> tradeName,
            Patience patience) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        Collection<CaseTimes> completed = new ConcurrentLinkedQueue<>();
        Collection<String> errors = new ConcurrentLinkedQueue<>();
        ExecutorService drivers = Executors.newFixedThreadPool(inFlight);
        Map<Double, Long> stepsBefore = stepBuckets(contender);
        long cpuBefore = app.cpuMillis();
        Map<String, Long> threadsBefore = app.threadCpuMillis();
        long start = System.nanoTime();
        for (int i = 0; i < inFlight; i++) {
            drivers.execute(() -> {
                for (int n = next.getAndIncrement(); n < cases; n = next.getAndIncrement()) {
                    try {
                        completed.add(contender.runCase(tradeName.apply(n), patience));
                    } catch (Exception e) {
                        errors.add(String.valueOf(e.getMessage()));
                    }
                }
            });
        }
        drivers.shutdown();
        drivers.awaitTermination(1, TimeUnit.DAYS);
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        long cpuMillis = app.cpuMillis() - cpuBefore;
        return new RunResult(contender.name(), inFlight, List.copyOf(completed), List.copyOf(errors), wall, cpuMillis,
                since(threadsBefore, app.threadCpuMillis()), since(stepsBefore, stepBuckets(contender)));
    }

    /** What each counter of {@code now} grew by since {@code before} (a counter new since then: all of it). */
    static <K extends Comparable<K>> Map<K, Long> since(Map<K, Long> before, Map<K, Long> now) {
        Map<K, Long> grown = new TreeMap<>(now);
        before.forEach((key, count) -> grown.merge(key, -count, Long::sum));
        return grown;
    }

    /** The system's contract-step histogram now; empty, and said so, when it cannot be read (not a case's error). */
    private static Map<Double, Long> stepBuckets(Contender contender) {
        try {
            return contender.contractStepBuckets();
        } catch (IOException e) {
            System.out.println("    contract-step histogram of " + contender.name() + " not read: " + e.getMessage());
            return Map.of();
        }
    }

    /**
     * The percentile ({@code p} in 0..100) of the contract steps of several runs, in milliseconds, as
     * the histogram can tell it: the upper bound of the bucket that holds it (so "at most"); NaN when
     * the runs measured no steps.
     */
    static double stepMillis(Collection<RunResult> runs, double p) {
        Map<Double, Long> buckets = new TreeMap<>();
        runs.forEach(run -> run.stepBuckets.forEach((bound, count) -> buckets.merge(bound, count, Long::sum)));
        long total = buckets.getOrDefault(Double.POSITIVE_INFINITY, 0L);
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100 * total));
        return buckets.entrySet().stream().filter(bucket -> bucket.getValue() >= rank).findFirst()
                .map(bucket -> bucket.getKey() * 1000).orElse(Double.NaN);
    }

    double casesPerSecond() {
        return completed.size() / (wall.toNanos() / 1e9);
    }

    /** The process's CPU time over the run divided by the cases that completed. */
    double cpuMillisPerCase() {
        return completed.isEmpty() ? Double.NaN : (double) cpuMillis / completed.size();
    }

    /** The JIT compiler threads' share of {@link #cpuMillisPerCase()}. */
    double compilerMillisPerCase() {
        return completed.isEmpty() ? Double.NaN : (double) AppProcess.compilerCpuMillis(threadMillis) / completed.size();
    }

    /** Each kind of thread's share of {@link #cpuMillisPerCase()}; empty when no case completed. */
    Map<String, Double> threadMillisPerCase() {
        Map<String, Double> perCase = new TreeMap<>();
        if (!completed.isEmpty()) {
            threadMillis.forEach((kind, millis) -> perCase.put(kind, (double) millis / completed.size()));
        }
        return perCase;
    }

    /** {@link #cpuMillisPerCase()} without the JIT compiler's: the work of the cases and the background. */
    double cpuMillisPerCaseWithoutCompiler() {
        return cpuMillisPerCase() - compilerMillisPerCase();
    }

    /** The GETs the cases' two waits took, per case (2 when the task and the end were each seen at the first poll). */
    double pollsPerCase() {
        return completed.stream().mapToInt(CaseTimes::polls).average().orElse(Double.NaN);
    }

    /** How long a poll's GET took to be answered, on average over all of the run's polls, in milliseconds. */
    double pollAnswerMillis() {
        long polls = completed.stream().mapToLong(CaseTimes::polls).sum();
        return polls == 0 ? Double.NaN
                : completed.stream().mapToLong(times -> times.pollAnswers().toNanos()).sum() / 1e6 / polls;
    }

    /** The nearest-rank percentile ({@code p} in 0..100) of one of the cases' times, in milliseconds, over several runs. */
    static double percentileMillis(Collection<RunResult> runs, Function<CaseTimes, Duration> time, double p) {
        List<Long> millis = new ArrayList<>();
        runs.forEach(run -> run.completed.forEach(times -> millis.add(time.apply(times).toMillis())));
        if (millis.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(millis);
        return millis.get(Math.max(0, (int) Math.ceil(p / 100 * millis.size()) - 1));
    }
}
