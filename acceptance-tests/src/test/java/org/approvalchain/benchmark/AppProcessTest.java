package org.approvalchain.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

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
            assertThat(threads).containsKeys("C1 CompilerThre", "C2 CompilerThre", "busy")
                    .doesNotContainKeys("busy-1", "busy-2");
            assertThat(threads.get("busy")).as("the two busy threads' CPU, together").isPositive();
            assertThat(AppProcess.compilerCpuMillis(threads)).isPositive()
                    .isEqualTo(threads.get("C1 CompilerThre") + threads.get("C2 CompilerThre"));
            assertThat(threads.values().stream().mapToLong(Long::longValue).sum()).isLessThanOrEqualTo(all);
        } finally {
            app.kill();
        }
    }

    /** A JVM with two threads of one kind ({@code busy-1}, {@code busy-2}) that have used CPU; says so, and waits to be killed. */
    static final class Child {
        static final String READY = "child ready";

        public static void main(String[] args) throws InterruptedException {
            CountDownLatch busy = new CountDownLatch(2);
            for (int i = 1; i <= 2; i++) {
                Thread thread = new Thread(() -> {
                    long until = System.nanoTime() + 100_000_000L;
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    busy.countDown();
                    sleepQuietly(); // alive: the CPU of a thread that has ended no longer shows
                }, "busy-" + i);
                thread.setDaemon(true);
                thread.start();
            }
            busy.await();
            System.out.println(READY);
            sleepQuietly();
        }

        private static void sleepQuietly() {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
