package org.approvalchain.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.approvalchain.benchmark.JsonClient.Patience;

/**
 * The case benchmark (docs/performance.md, run by {@code .ci/benchmark}): starts our engine from
 * its executable jar on the embedded defaults and the plain Camunda baseline, each in a JVM of its
 * own with a fresh data directory, and drives both with the same client: a warm-up, then for each
 * pair and each number of cases in flight a run of ours followed by a run of the baseline; with
 * {@code --history}, again after seeding each system to each number of completed cases, and a table
 * of each size against the first. Prints the machine and its load, start-up times, a line per run,
 * the tables, and how our engine comes back from a {@code kill -9} with cases in flight. With
 * {@code --postgres-nodes}, the two sides are instead that many nodes of ours on the postgres
 * profile and one node. Never fails on timing: figures only.
 */
public final class Benchmark {

    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final Duration IDLE = Duration.ofSeconds(5);
    private static final int CRASH_CASES = 16;
    private static final int WARM_UP_IN_FLIGHT = 4;
    /**
     * Seeding runs each system's own path with this many cases in flight, polling sparsely (so that
     * the polls take little of the system's time), which keeps it busy without stalling.
     */
    private static final int SEED_IN_FLIGHT = 32;
    /** Seeding alternates the systems every this many cases and prints each slice: how each one's cost follows its history. */
    private static final int SEED_SLICE = 1000;

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path work = options.workDir() != null ? Files.createDirectories(options.workDir())
                : Files.createTempDirectory("approvalchain-benchmark-");
        Machine.print(System.out, "before");
        String prefix = "基准" + UUID.randomUUID().toString().substring(0, 6);
        if (options.postgresNodes() > 0) {
            Side a = Side.start(OurEngine.postgresNodes(options.postgresNodes(), System.getProperty("java.class.path"),
                    work.resolve("nodes-" + options.postgresNodes())), work);
            Side b = Side.start(OurEngine.postgresNodes(1, System.getProperty("java.class.path"), work.resolve("nodes-1")), work);
            try {
                compareAfterWarmUp(a, b, options, prefix);
            } finally {
                a.app().stop();
                b.app().stop();
            }
        } else {
            OurEngine ours = OurEngine.embedded(options.engineJar(), options.engineJvmOptions(), work.resolve("ours"), freePort());
            Side a = Side.start(ours, work);
            Side b = Side.start(new PlainCamunda(options.baselineClasspath(), work.resolve("plain-camunda"), freePort()), work);
            try {
                compareAfterWarmUp(a, b, options, prefix);
            } finally {
                b.app().stop();
            }
            crashAndRestart(ours, a.app(), work, prefix + "k", options.caseTimeout());
        }
        Machine.print(System.out, "after");
        System.out.println("logs and data: " + work);
    }

    /** Warms both up, then compares them once, or at each history size. */
    private static void compareAfterWarmUp(Side a, Side b, Options options, String prefix) throws InterruptedException {
        a.warmUp(options, prefix + "wa");
        b.warmUp(options, prefix + "wb");
        if (options.history().isEmpty()) {
            compare(a, b, options, prefix);
        }
        List<Report.AtSize> sizes = new ArrayList<>();
        for (int stored : options.history()) {
            boolean progress = true;
            int baseline = Math.min(stored, options.baselineHistory());
            for (int slice = 0; progress && (a.stored().get() < stored || b.stored().get() < baseline); slice++) {
                progress = a.seed(stored, options, prefix + "h" + stored + "s" + slice + "a")
                        | b.seed(baseline, options, prefix + "h" + stored + "s" + slice + "b");
            }
            System.out.println("== with " + a.stored().get() + " completed cases stored in " + a.contender().name() + ", "
                    + b.stored().get() + " in " + b.contender().name());
            sizes.add(new Report.AtSize(a.stored().get(), b.stored().get(), compare(a, b, options, prefix + "h" + stored)));
        }
        if (!sizes.isEmpty()) {
            Report.history(System.out, sizes, a.contender().name(), b.contender().name());
        }
    }

    /** Runs of {@code a} and {@code b} in turn, a pair at each number in flight, {@code pairs} times; prints them, and the tables after each pair; returns their report. */
    private static Report compare(Side a, Side b, Options options, String prefix) throws InterruptedException {
        Report report = new Report(System.out);
        for (int pair = 1; pair <= options.pairs(); pair++) {
            System.out.println("-- pair " + pair + " of " + options.pairs());
            for (int inFlight : options.inFlight()) {
                String runPrefix = prefix + "p" + pair + "c" + inFlight;
                Thread.sleep(SETTLE.toMillis()); // the other system's last jobs done, so each run has the machine to itself
                report.add(a.run(inFlight, options.casesAt(inFlight), runPrefix + "a", Patience.prompt(options.caseTimeout())));
                Thread.sleep(SETTLE.toMillis());
                report.add(b.run(inFlight, options.casesAt(inFlight), runPrefix + "b", Patience.prompt(options.caseTimeout())));
            }
            // after every pair, so that a run cut short on a crowded machine still leaves its tables
            System.out.println("\n-- over " + pair + (pair == 1 ? " pair" : " pairs"));
            report.summary(a.contender().name(), b.contender().name());
        }
        return report;
    }

    /**
     * A crash with work in flight: {@value #CRASH_CASES} cases started, the engine killed with
     * SIGKILL straight after, so that it dies with their contract steps queued or locked, and started
     * again on the same data directory: how long until it is ready, and until every interrupted case
     * has reached the officer's task (a job the dead engine had locked waits out its lock).
     */
    private static void crashAndRestart(OurEngine ours, AppProcess app, Path work, String prefix, Duration caseTimeout)
            throws IOException {
        List<String> interrupted = new ArrayList<>();
        for (int i = 0; i < CRASH_CASES; i++) {
            interrupted.add(ours.startCase(0, prefix + i));
        }
        app.kill();
        AppProcess restarted = ours.start(work.resolve("ours-restart.log"));
        long ready = System.nanoTime();
        for (String caseId : interrupted) {
            ours.awaitReviewTask(0, caseId, Patience.prompt(caseTimeout));
        }
        System.out.printf(Locale.ROOT, "%n%s after kill -9 with %d cases just started: ready again %.1f s after its JVM "
                        + "started; all %d at the officer's task %.1f s after that%n", ours.name(), CRASH_CASES,
                restarted.startup().toMillis() / 1000.0, CRASH_CASES, (System.nanoTime() - ready) / 1e9);
        restarted.stop();
    }

    /** A system under test, running, and how many cases it has completed so far: its history. */
    private record Side(Contender contender, AppProcess app, AtomicInteger stored) {

        static Side start(Contender contender, Path work) throws IOException {
            AppProcess app = contender.start(work.resolve(contender.name().replaceAll("[^A-Za-z0-9]+", "-") + ".log"));
            System.out.printf(Locale.ROOT, "%s ready %.1f s after its JVM started (pid %d)%n", contender.name(),
                    app.startup().toMillis() / 1000.0, app.pid());
            return new Side(contender, app, new AtomicInteger());
        }

        RunResult run(int inFlight, int cases, String prefix, Patience patience) throws InterruptedException {
            RunResult result = RunResult.measure(contender, app, inFlight, cases, n -> prefix + "n" + n, patience);
            stored.addAndGet(result.completed().size());
            return result;
        }

        /** Runs the warm-up cases, then prints the CPU the system uses when nothing is asked of it (background work, JIT). */
        void warmUp(Options options, String prefix) throws InterruptedException {
            print("warm-up (not counted)", run(WARM_UP_IN_FLIGHT, options.warmup(), prefix, Patience.prompt(options.caseTimeout())));
            long before = app.cpuMillis();
            Map<String, Long> threadsBefore = app.threadCpuMillis();
            Thread.sleep(IDLE.toMillis());
            Map<String, Long> threads = RunResult.since(threadsBefore, app.threadCpuMillis());
            Map<String, Double> perSecond = new TreeMap<>();
            threads.forEach((kind, millis) -> perSecond.put(kind, perSecond(millis)));
            System.out.printf(Locale.ROOT, "%s idle after the warm-up: %.0f ms CPU per second, of which the JIT compiler %.0f; "
                            + "by thread: %s%n", contender.name(), perSecond(app.cpuMillis() - before),
                    perSecond(AppProcess.compilerCpuMillis(threads)), Report.byKind(perSecond, 1, "%.0f"));
        }

        private static double perSecond(long millis) {
            return millis * 1000.0 / IDLE.toMillis();
        }

        /**
         * Runs cases through the system's own path, at most {@value #SEED_SLICE} of them, towards {@code
         * target} completed cases stored; prints the slice with its CPU per case. False when no case
         * completed (nothing to seed, or every case failed).
         */
        boolean seed(int target, Options options, String prefix) throws InterruptedException {
            int from = stored.get();
            if (from < target) {
                print("seeding history " + from + " -> " + target + " cases",
                        run(SEED_IN_FLIGHT, Math.min(SEED_SLICE, target - from), prefix, Patience.sparse(options.caseTimeout())));
            }
            return stored.get() > from;
        }

        private void print(String what, RunResult result) {
            System.out.printf(Locale.ROOT, "%s %s: %d cases in %.0f s (%.2f cases/s, CPU %.1f ms/case, of which the JIT compiler "
                            + "%.1f), %d errors%n", contender.name(), what, result.completed().size(),
                    result.wall().toMillis() / 1000.0, result.casesPerSecond(), result.cpuMillisPerCase(),
                    result.compilerMillisPerCase(), result.errors().size());
            result.errors().stream().distinct().limit(3).forEach(error -> System.out.println("    error: " + error));
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** What the figures depend on: the machine, the time and the load. */
    private static final class Machine {

        static void print(PrintStream out, String when) throws IOException {
            out.printf("%s, %s: %d CPUs (%s), load average %s%n", when, Instant.now(), Runtime.getRuntime().availableProcessors(),
                    cpuModel(), Files.readString(Path.of("/proc/loadavg")).strip());
        }

        private static String cpuModel() throws IOException {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return lines.stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        }
    }
}
