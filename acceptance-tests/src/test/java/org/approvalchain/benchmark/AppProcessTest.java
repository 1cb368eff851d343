package org.approvalchain.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CPU the benchmark reads of an application's JVM: all of it, and its JIT compiler threads' share. */
class AppProcessTest {

    @Test
    void theCompilerThreadsAreAPartOfTheProcesssCpu(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("child.log");
        // -Xcomp compiles every method before it first runs: the compiler threads are busy from the start
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xcomp",
                "-cp", System.getProperty("java.class.path"), Child.class.getName());
        AppProcess app = AppProcess.start("child", command, Map.of(), log, () -> {
            if (!Files.exists(log) || !Files.readString(log).contains(Child.READY)) {
                throw new IOException("not ready");
            }
        });
        try {
            long compiler = app.compilerCpuMillis();
            long all = app.cpuMillis();
            assertThat(compiler).isPositive().isLessThanOrEqualTo(all);
        } finally {
            app.kill();
        }
    }

    /** A JVM that has started, says so, and waits to be killed. */
    static final class Child {
        static final String READY = "child ready";

        public static void main(String[] args) throws InterruptedException {
            System.out.println(READY);
            Thread.sleep(60_000);
        }
    }
}
