package org.approvalchain.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small crash storm ({@link CrashStorm}) on the engine this build packaged: killed four times
 * with cases in flight, every case still ends as decided (approved, every fourth refused), each of
 * its steps recorded once, clean against the chain, told by its events each fact once, and the
 * stopped engine's {@code --approvalchain.verify=all} exits 0. Runs after {@code workflow-engine}
 * is packaged (this module comes after it in the reactor). A failed storm keeps its directory (the
 * engines' logs and data) and names the engines' warnings and errors in its message.
 */
class CrashStormTest {

    private static final Path ENGINE_JAR = Path.of("..", "workflow-engine", "target", "app", "approvalchain.jar");
    private static final int WARNINGS_SHOWN = 60;

    @Test
    void everyCaseEndsRightThroughKillsWithCasesInFlight(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path work) throws Exception {
        assertThat(ENGINE_JAR).as("the packaged engine (mvn package in workflow-engine first)").exists();
        CrashStorm.Outcome outcome = CrashStorm.run(new CrashStorm.Storm(ENGINE_JAR, 120, 8, 4, Duration.ofSeconds(3),
                Duration.ofSeconds(10), Duration.ofMinutes(10)), work);
        assertThat(outcome.failures()).as("cases that did not end right (logs in %s); the engines' last warnings and errors:%n%s",
                work, warnings(work)).isEmpty();
        assertThat(outcome.verifyAllExit()).as("--approvalchain.verify=all, log:%n%s",
                Files.readString(work.resolve("verify-all.log"))).isZero();
    }

    /** The last {@value #WARNINGS_SHOWN} lines at WARN or ERROR of the engines' logs in {@code work}, each log in turn. */
    private static String warnings(Path work) throws IOException {
        try (Stream<Path> files = Files.list(work)) {
            List<String> lines = files.filter(f -> f.toString().endsWith(".log")).sorted()
                    .flatMap(CrashStormTest::lines)
                    .filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))
                    .toList();
            return lines.subList(Math.max(0, lines.size() - WARNINGS_SHOWN), lines.size()).stream()
                    .collect(Collectors.joining(System.lineSeparator()));
        }
    }

    private static Stream<String> lines(Path log) {
        try {
            return Files.readAllLines(log).stream().map(line -> log.getFileName() + ": " + line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
