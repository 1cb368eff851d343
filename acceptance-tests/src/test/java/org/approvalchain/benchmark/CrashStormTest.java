package org.approvalchain.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small crash storm ({@link CrashStorm}) on the engine this build packaged: killed four times
 * with cases in flight, every case still ends as decided (approved, every fourth refused), each of
 * its steps recorded once, clean against the chain, told by its events each fact once, and the
 * stopped engine's {@code --approvalchain.verify=all} exits 0. Runs after {@code workflow-engine}
 * is packaged (this module comes after it in the reactor).
 */
class CrashStormTest {

    private static final Path ENGINE_JAR = Path.of("..", "workflow-engine", "target", "app", "approvalchain.jar");

    @Test
    void everyCaseEndsRightThroughKillsWithCasesInFlight(@TempDir Path work) throws Exception {
        assertThat(ENGINE_JAR).as("the packaged engine (mvn package in workflow-engine first)").exists();
        CrashStorm.Outcome outcome = CrashStorm.run(new CrashStorm.Storm(ENGINE_JAR, 120, 8, 4, Duration.ofSeconds(3),
                Duration.ofSeconds(10), Duration.ofMinutes(10)), work);
        assertThat(outcome.failures()).as("cases that did not end right").isEmpty();
        assertThat(outcome.verifyAllExit()).as("--approvalchain.verify=all, log:%n%s",
                Files.readString(work.resolve("verify-all.log"))).isZero();
    }
}
