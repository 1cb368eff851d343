package org.approvalchain.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CPU the benchmark reads of an application's JVM: all of it, and each kind of thread's share. */
class AppProcessTest {

    @Test
    void eachKindOfThreadIsAPartOfTheProcesssCpu(@TempDir Path dir) throws Exception {
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
            Map<String, Long> threads = app.threadCpuMillis();
            long all = app.cpuMillis();
            assertThat(threads).containsKeys("C1 CompilerThre", "C2 CompilerThre", "GC Thread").doesNotContainKey("GC Thread#0");
            assertThat(AppProcess.compilerCpuMillis(threads)).isPositive()
                    .isEqualTo(threads.get("C1 CompilerThre") + threads.get("C2 CompilerThre"));
            assertThat(threads.values().stream().mapToLong(Long::longValue).sum()).isLessThanOrEqualTo(all);
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
