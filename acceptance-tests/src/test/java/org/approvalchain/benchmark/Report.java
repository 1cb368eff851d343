package org.approvalchain.benchmark;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import org.approvalchain.benchmark.Contender.CaseTimes;

/**
 * The benchmark's figures: a line per run as it ends, then per system and cases in flight a
 * Markdown table over all runs, and the ratios ours / baseline of each pair of runs (minimum, median,
 * maximum). Errors are counted and the first few printed; a run with errors says so.
 */
final class Report {

    private static final int ERRORS_SHOWN = 3;
    /** A kind of thread is shown under a run from this CPU per case on (the rest is background). */
    private static final double THREAD_SHOWN_MILLIS = 0.5;

    private final PrintStream out;
    private final Map<String, List<RunResult>> runs = new LinkedHashMap<>();

    Report(PrintStream out) {
        this.out = out;
    }

    void add(RunResult run) {
        runs.computeIfAbsent(key(run.system(), run.inFlight()), k -> new ArrayList<>()).add(run);
        out.printf(Locale.ROOT, "%-14s %3d in flight: %4d cases, %3d errors, %7.2f cases/s, end to end p50 %6.0f p95 %6.0f "
                        + "p99 %6.0f ms, task after p50 %6.0f ms, polls %4.2f per case answered in %5.1f ms, CPU %7.1f ms/case "
                        + "(JIT compiler %5.1f)%s%n",
                run.system(), run.inFlight(), run.completed().size(), run.errors().size(), run.casesPerSecond(),
                p(List.of(run), CaseTimes::endToEnd, 50), p(List.of(run), CaseTimes::endToEnd, 95),
                p(List.of(run), CaseTimes::endToEnd, 99), p(List.of(run), CaseTimes::toTask, 50), run.pollsPerCase(),
                run.pollAnswerMillis(), run.cpuMillisPerCase(),
                run.compilerMillisPerCase(), run.stepBuckets().isEmpty() ? "" : ", contract step p50 ≤ "
                        + steps(List.of(run), 50) + " p99 ≤ " + steps(List.of(run), 99) + " ms");
        out.println("    CPU ms per case by thread: " + byKind(run.threadMillisPerCase(), THREAD_SHOWN_MILLIS, "%.1f"));
        run.errors().stream().distinct().limit(ERRORS_SHOWN).forEach(error -> out.println("    error: " + error));
    }

    /** The kinds of thread whose figure is at least {@code shownFrom}, the largest first: "kind figure, kind figure". */
    static String byKind(Map<String, Double> figures, double shownFrom, String format) {
        return figures.entrySet().stream().filter(kind -> kind.getValue() >= shownFrom)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(kind -> kind.getKey() + " " + String.format(Locale.ROOT, format, kind.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** The tables, over every run added; {@code ours} and {@code baseline} name the two systems. */
    void summary(String ours, String baseline) {
        out.println();
        out.println("| system | in flight | runs | cases | errors | cases/s (median of runs) | end to end p50 / p95 / p99 ms "
                + "| task appears p50 / p95 ms | polls per case (median of runs) | a poll answered in ms (median of runs) "
                + "| app CPU ms per case (median of runs) "
                + "| of which JIT compiler | contract step p50 / p99 ms (at most) |");
        out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (String system : List.of(ours, baseline)) {
            for (int inFlight : inFlights()) {
                List<RunResult> of = runs.getOrDefault(key(system, inFlight), List.of());
                out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %.2f | %.0f / %.0f / %.0f | %.0f / %.0f | %.2f | %.1f | %.1f | %.1f | %s |%n",
                        system, inFlight, of.size(), of.stream().mapToInt(r -> r.completed().size()).sum(),
                        of.stream().mapToInt(r -> r.errors().size()).sum(), median(of, RunResult::casesPerSecond),
                        p(of, CaseTimes::endToEnd, 50), p(of, CaseTimes::endToEnd, 95), p(of, CaseTimes::endToEnd, 99),
                        p(of, CaseTimes::toTask, 50), p(of, CaseTimes::toTask, 95), median(of, RunResult::pollsPerCase),
                        median(of, RunResult::pollAnswerMillis), median(of, RunResult::cpuMillisPerCase),
                        median(of, RunResult::compilerMillisPerCase),
                        Double.isNaN(RunResult.stepMillis(of, 50)) ? "–" : steps(of, 50) + " / " + steps(of, 99));
            }
        }
        out.println();
        out.println("| in flight | pairs | throughput " + ours + " / " + baseline + " (min / median / max) "
                + "| CPU per case | CPU per case without the JIT compiler | end to end p50 |");
        out.println("| ---: | ---: | ---: | ---: | ---: | ---: |");
        for (int inFlight : inFlights()) {
            List<RunResult> a = runs.getOrDefault(key(ours, inFlight), List.of());
            List<RunResult> b = runs.getOrDefault(key(baseline, inFlight), List.of());
            int pairs = Math.min(a.size(), b.size());
            out.printf(Locale.ROOT, "| %d | %d | %s | %s | %s | %s |%n", inFlight, pairs,
                    ratios(a, b, pairs, RunResult::casesPerSecond), ratios(a, b, pairs, RunResult::cpuMillisPerCase),
                    ratios(a, b, pairs, RunResult::cpuMillisPerCaseWithoutCompiler),
                    ratios(a, b, pairs, run -> p(List.of(run), CaseTimes::endToEnd, 50)));
        }
    }

    private Set<Integer> inFlights() {
        Set<Integer> inFlights = new LinkedHashSet<>();
        runs.values().forEach(list -> inFlights.add(list.get(0).inFlight()));
        return inFlights;
    }

    private static String ratios(List<RunResult> a, List<RunResult> b, int pairs, ToDoubleFunction<RunResult> figure) {
        List<Double> ratios = pairRatios(a, b, pairs, figure);
        if (ratios.isEmpty()) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", ratios.get(0), median(ratios), ratios.get(ratios.size() - 1));
    }

    /** {@code figure} of each of the first {@code pairs} runs of {@code a} over the same of {@code b}, sorted. */
    private static List<Double> pairRatios(List<RunResult> a, List<RunResult> b, int pairs, ToDoubleFunction<RunResult> figure) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            ratios.add(figure.applyAsDouble(a.get(i)) / figure.applyAsDouble(b.get(i)));
        }
        ratios.sort(null);
        return ratios;
    }

    /**
     * The history table (issue 13: the throughput within ±20% of the first size's): per number in
     * flight and size, ours' median cases/s and the median throughput ratio ours / baseline of its
     * pairs, each beside its change against the first size. The ratio's change takes out how the
     * machine's speed moved between the sizes once the baseline's store has stopped growing ({@code
     * --baseline-history}).
     */
    static void history(PrintStream out, List<AtSize> sizes, String ours, String baseline) {
        out.println();
        out.println("== history: each size against the first");
        out.println();
        out.println("| in flight | " + ours + " stored | " + baseline + " stored | " + ours + " cases/s (median) | against the first size "
                + "| throughput " + ours + " / " + baseline + " (median) | against the first size |");
        out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Set<Integer> inFlights = new LinkedHashSet<>();
        sizes.forEach(size -> inFlights.addAll(size.report().inFlights()));
        AtSize first = sizes.get(0);
        for (int inFlight : inFlights) {
            double firstCasesPerSecond = first.report().casesPerSecond(ours, inFlight);
            double firstRatio = first.report().throughputRatio(ours, baseline, inFlight);
            for (AtSize size : sizes) {
                double casesPerSecond = size.report().casesPerSecond(ours, inFlight);
                double ratio = size.report().throughputRatio(ours, baseline, inFlight);
                out.printf(Locale.ROOT, "| %d | %,d | %,d | %.2f | %s | %.2f | %s |%n", inFlight, size.oursStored(),
                        size.baselineStored(), casesPerSecond, size == first ? "–" : change(casesPerSecond, firstCasesPerSecond),
                        ratio, size == first ? "–" : change(ratio, firstRatio));
            }
        }
    }

    /** A comparison at one history size: how many completed cases each system had stored, and its runs. */
    record AtSize(int oursStored, int baselineStored, Report report) {
    }

    private static String change(double value, double first) {
        return String.format(Locale.ROOT, "%+.0f%%", (value / first - 1) * 100);
    }

    /** The median of {@code system}'s cases per second over its runs at {@code inFlight}; NaN without runs. */
    double casesPerSecond(String system, int inFlight) {
        return median(runs.getOrDefault(key(system, inFlight), List.of()), RunResult::casesPerSecond);
    }

    /** The median over the pairs at {@code inFlight} of ours' throughput over the baseline's; NaN without pairs. */
    double throughputRatio(String ours, String baseline, int inFlight) {
        List<RunResult> a = runs.getOrDefault(key(ours, inFlight), List.of());
        List<RunResult> b = runs.getOrDefault(key(baseline, inFlight), List.of());
        List<Double> ratios = pairRatios(a, b, Math.min(a.size(), b.size()), RunResult::casesPerSecond);
        return ratios.isEmpty() ? Double.NaN : median(ratios);
    }

    private static double median(List<RunResult> runs, ToDoubleFunction<RunResult> figure) {
        List<Double> values = new ArrayList<>(runs.stream().map(figure::applyAsDouble).toList());
        values.sort(null);
        return values.isEmpty() ? Double.NaN : median(values);
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double p(List<RunResult> runs, Function<CaseTimes, Duration> time, double p) {
        return RunResult.percentileMillis(runs, time, p);
    }

    /** A contract-step percentile as the histogram bounds it: whole milliseconds, or one decimal below 10 ms. */
    private static String steps(List<RunResult> runs, double p) {
        double millis = RunResult.stepMillis(runs, p);
        return String.format(Locale.ROOT, millis < 10 ? "%.1f" : "%.0f", millis);
    }

    private static String key(String system, int inFlight) {
        return system + "@" + inFlight;
    }
}
