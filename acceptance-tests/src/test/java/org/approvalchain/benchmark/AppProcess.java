package org.approvalchain.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An application under test in a JVM of its own, started by the benchmark: how long it took until
 * it was ready, and the CPU its process has used (utime + stime from
 * {@code /proc/<pid>/stat}, so the driver's own work is never counted).
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
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"), StandardCharsets.US_ASCII);
            // fields after the command name, which is in parentheses and may hold spaces; utime and stime are fields 14 and 15
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / CLOCK_TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException(name + " (pid " + process.pid() + ") has no readable /proc stat", e);
        }
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
