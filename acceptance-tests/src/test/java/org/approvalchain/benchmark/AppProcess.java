package org.approvalchain.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An application under test in a JVM of its own, started by the benchmark: how long it took until
 * it was ready, and the CPU its process has used (utime + stime from
 * {@code /proc/<pid>/stat}, so the driver's own work is never counted), all of it and its JIT
 * compiler threads'.
 */
final class AppProcess {

    /** Start-up takes 10–40 s on a quiet 2-core machine and minutes on a crowded one. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(15);
    private static final long CLOCK_TICKS_PER_SECOND = clockTicks();

    private final String name;
    private final Process process;
    private final Duration startup;

    private AppProcess(String name, Process process, Duration startup) {
        this.name = name;
        this.process = process;
        this.startup = startup;
    }

    /** Answers when the application is ready; throws while it is not. */
    @FunctionalInterface
    interface Probe {
        void ready() throws IOException;
    }

    /** Starts {@code command} with {@code environment}, its output appended to {@code log}, and waits until {@code probe} answers. */
    static AppProcess start(String name, List<String> command, Map<String, String> environment, Path log, Probe probe)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        // a benchmark interrupted (Ctrl-C, kill) leaves no application running behind it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        long deadline = started + READY_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + " while starting; see " + log);
            }
            try {
                probe.ready();
                return new AppProcess(name, process, Duration.ofNanos(System.nanoTime() - started));
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    new AppProcess(name, process, Duration.ZERO).stop();
                    throw new IOException(name + " was not ready after " + READY_TIMEOUT + "; see " + log, notYet);
                }
            }
            pause();
        }
    }

    /** From the process start until the readiness URL answered. */
    Duration startup() {
        return startup;
    }

    long pid() {
        return process.pid();
    }

    /** CPU time the process has used so far, user and system, in milliseconds. */
    long cpuMillis() {
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            return cpuMillis(stat);
        } catch (IOException e) {
            throw new UncheckedIOException(name + " (pid " + process.pid() + ") has no readable " + stat, e);
        }
    }

    /**
     * CPU time each kind of the JVM's threads has used so far, in milliseconds, by the name Linux keeps
     * of a thread (its first 15 characters) without the numbers that tell threads of a kind apart
     * ({@code http-nio-8080-exec-3} is {@code http-nio-8080-e} to Linux, {@code http-nio-e} here;
     * {@code GC Thread#1} is {@code GC Thread}). A thread the JVM has ended no longer shows (the JIT
     * compiler adds and ends threads as its queue grows and shrinks), so a kind's figure is at least
     * what its threads used while they lived.
     */
    Map<String, Long> threadCpuMillis() {
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        Map<String, Long> millis = new TreeMap<>();
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                try {
                    String name = Files.readString(thread.resolve("comm"), StandardCharsets.US_ASCII).strip();
                    millis.merge(name.replaceAll("[-#]\\d+", ""), cpuMillis(thread.resolve("stat")), Long::sum);
                } catch (NoSuchFileException ended) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + " (pid " + process.pid() + ") has no readable " + tasks, e);
        }
        return millis;
    }

    /**
     * The JIT compiler threads' ({@code C1 CompilerThread0}, {@code C2 CompilerThread0}, ...) share of
     * {@link #threadCpuMillis()}: compiling the application's code, which a JVM does for minutes after it
     * starts, not the work of any case.
     */
    static long compilerCpuMillis(Map<String, Long> threadCpuMillis) {
        return threadCpuMillis.entrySet().stream().filter(kind -> kind.getKey().matches("C[12] CompilerThre.*"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** utime + stime of a {@code /proc} stat file, in milliseconds. */
    private static long cpuMillis(Path stat) throws IOException {
        String fields = Files.readString(stat, StandardCharsets.US_ASCII);
        // fields after the command name, which is in parentheses and may hold spaces; utime and stime are fields 14 and 15
        String[] after = fields.substring(fields.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(after[11]) + Long.parseLong(after[12])) * 1000 / CLOCK_TICKS_PER_SECOND;
    }

    /** A crash: SIGKILL, and the process reaped. */
    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** An orderly stop: SIGTERM, Spring Boot's shutdown. */
    void stop() {
        process.destroy();
        waitFor();
    }

    private void waitFor() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            return Long.parseLong(new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException e) {
            return 100; // Linux's USER_HZ on every common architecture
        }
    }
}
