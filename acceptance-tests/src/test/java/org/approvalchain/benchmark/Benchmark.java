package org.approvalchain.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * The case benchmark (docs/performance.md, run by {@code .ci/benchmark}): starts our engine from
 * its executable jar on the embedded defaults and the plain Camunda baseline, each in a JVM of its
 * own with a fresh data directory, and drives both with the same client: a warm-up, then for each
 * pair and each number of cases in flight a run of ours followed by a run of the baseline. Prints
 * the machine and its load, start-up times, a line per run, the tables, and the time our engine
 * takes to be ready again after a {@code kill -9}. Never fails on timing: figures only.
 */
public final class Benchmark {

    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path work = options.workDir() != null ? Files.createDirectories(options.workDir())
                : Files.createTempDirectory("approvalchain-benchmark-");
        Machine.print(System.out, "before");
        OurEngine ours = new OurEngine(options.engineJar(), work.resolve("ours"), freePort());
        PlainCamunda baseline = new PlainCamunda(options.baselineClasspath(), work.resolve("plain-camunda"), freePort());
        AppProcess oursApp = start(ours, work);
        AppProcess baselineApp = start(baseline, work);
        String prefix = "基准" + UUID.randomUUID().toString().substring(0, 6);
        try {
            warmUp(ours, oursApp, options, prefix + "w");
            warmUp(baseline, baselineApp, options, prefix + "v");
            Report report = new Report(System.out);
            for (int pair = 1; pair <= options.pairs(); pair++) {
                System.out.println("-- pair " + pair + " of " + options.pairs());
                for (int inFlight : options.inFlight()) {
                    String runPrefix = prefix + "p" + pair + "c" + inFlight;
                    report.add(run(ours, oursApp, inFlight, options, runPrefix + "a"));
                    report.add(run(baseline, baselineApp, inFlight, options, runPrefix + "b"));
                }
            }
            report.summary(ours.name(), baseline.name());
        } finally {
            baselineApp.stop();
        }
        oursApp.kill();
        AppProcess restarted = ours.start(work.resolve("ours-restart.log"));
        System.out.printf(Locale.ROOT, "%n%s ready again %.1f s after kill -9 (same data directory)%n", ours.name(),
                restarted.startup().toMillis() / 1000.0);
        restarted.stop();
        Machine.print(System.out, "after");
        System.out.println("logs and data: " + work);
    }

    private static AppProcess start(Contender contender, Path work) throws IOException {
        AppProcess app = contender.start(work.resolve(contender.name().replace(' ', '-') + ".log"));
        System.out.printf(Locale.ROOT, "%s ready %.1f s after its JVM started (pid %d)%n", contender.name(),
                app.startup().toMillis() / 1000.0, app.pid());
        return app;
    }

    private static void warmUp(Contender contender, AppProcess app, Options options, String prefix) throws InterruptedException {
        RunResult warmUp = RunResult.measure(contender, app, 4, options.warmup(), names(prefix), options.caseTimeout());
        System.out.printf(Locale.ROOT, "%s warm-up: %d cases, %d errors (not counted)%n", contender.name(),
                warmUp.completed().size(), warmUp.errors().size());
        warmUp.errors().stream().distinct().limit(3).forEach(error -> System.out.println("    error: " + error));
    }

    private static RunResult run(Contender contender, AppProcess app, int inFlight, Options options, String prefix)
            throws InterruptedException {
        Thread.sleep(SETTLE.toMillis()); // the other system's last jobs done, so each run has the machine to itself
        return RunResult.measure(contender, app, inFlight, options.casesAt(inFlight), names(prefix), options.caseTimeout());
    }

    /** Trade names no case of this benchmark has used before. */
    private static IntFunction<String> names(String prefix) {
        return n -> prefix + "n" + n;
    }

    private static int freePort() throws IOException {
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
