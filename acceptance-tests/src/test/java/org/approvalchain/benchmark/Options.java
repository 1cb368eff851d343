package org.approvalchain.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's command-line options, {@code --name=value}:
 * <pre>
 *   --pairs=3                 runs of each system per number in flight, alternating ours, baseline, ours, ...
 *   --in-flight=1,4,16,64     the numbers of cases in flight
 *   --cases=30                at least this many cases per run ...
 *   --rounds=4                ... and at least rounds x in-flight
 *   --warmup=20               cases each system runs (4 in flight) before any run counts
 *   --case-timeout=PT5M       a case not ended after this is an error
 *   --history=1000,10000      instead of one comparison, one after seeding both systems to each number of
 *                             completed cases (through their own paths, 32 in flight polling every 250 ms,
 *                             the systems taking turns every 1,000 cases; each slice printed with its CPU
 *                             per case)
 *   --baseline-history=10000  seed the baseline to at most this many completed cases; beyond it ours alone
 *                             is seeded, and compared with the baseline at this history (default: no limit)
 *   --postgres-nodes=2        instead of ours against plain Camunda: that many nodes of ours on the postgres
 *                             profile against one node (PostgreSQL at 127.0.0.1:5432, database test)
 *   --engine-jar=…            our engine's jar (target/app/approvalchain.jar: its start-up archive beside it,
 *                             approvalchain.jsa, is used when present)
 *   --engine-jvm-options=…    options for our engine's JVM, separated by spaces (e.g. a flight recording)
 *   --baseline-classpath=…    the plain Camunda application's class path
 *   --work-dir=…              the systems' data directories and logs (a new temporary directory by default)
 * </pre>
 */
record Options(int pairs, List<Integer> inFlight, int cases, int rounds, int warmup, Duration caseTimeout,
        List<Integer> history, int baselineHistory, int postgresNodes, Path engineJar, List<String> engineJvmOptions, String baselineClasspath,
        Path workDir) {

    private static final Set<String> NAMES = Set.of("pairs", "in-flight", "cases", "rounds", "warmup", "case-timeout", "history", "baseline-history",
            "postgres-nodes", "engine-jar", "engine-jvm-options", "baseline-classpath", "work-dir");

    static Options parse(String[] args) {
        Map<String, String> given = given(args, NAMES);
        return new Options(Integer.parseInt(given.getOrDefault("pairs", "3")),
                numbers(given.getOrDefault("in-flight", "1,4,16,64")),
                Integer.parseInt(given.getOrDefault("cases", "30")), Integer.parseInt(given.getOrDefault("rounds", "4")),
                Integer.parseInt(given.getOrDefault("warmup", "20")),
                Duration.parse(given.getOrDefault("case-timeout", "PT5M")), numbers(given.getOrDefault("history", "")),
                Integer.parseInt(given.getOrDefault("baseline-history", Integer.toString(Integer.MAX_VALUE))),
                Integer.parseInt(given.getOrDefault("postgres-nodes", "0")),
                Path.of(required(given, "engine-jar")),
                Arrays.stream(given.getOrDefault("engine-jvm-options", "").split(" ")).filter(o -> !o.isBlank()).toList(),
                required(given, "baseline-classpath"),
                given.containsKey("work-dir") ? Path.of(given.get("work-dir")) : null);
    }

    /** The {@code --name=value} options in {@code args}, by name; refuses a name not in {@code names}. */
    static Map<String, String> given(String[] args, Set<String> names) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (!arg.startsWith("--") || pair.length != 2 || !names.contains(pair[0])) {
                throw new IllegalArgumentException("unknown option " + arg + "; the options are --" + String.join("=…, --", names) + "=…");
            }
            given.put(pair[0], pair[1]);
        }
        return given;
    }

    /** The cases of one run at {@code inFlight}. */
    int casesAt(int inFlight) {
        return Math.max(cases, rounds * inFlight);
    }

    private static List<Integer> numbers(String list) {
        return Arrays.stream(list.split(",")).filter(n -> !n.isBlank()).map(Integer::valueOf).toList();
    }

    private static String required(Map<String, String> given, String name) {
        String value = given.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + "=… is required (.ci/benchmark gives it)");
        }
        return value;
    }
}
