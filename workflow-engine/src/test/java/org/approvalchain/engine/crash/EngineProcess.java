package org.approvalchain.engine.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real engine as the README starts it ({@code target/app/approvalchain.jar} with its start-up
 * archive, both made in {@code package}) as a child process on a data directory and a free port,
 * its output in {@code <data dir>/engine-<n>.log}.
 */
final class EngineProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Path APP = Path.of("target", "app").toAbsolutePath();

    private final Process process;
    private final Path log;
    final int port;

    private EngineProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the engine with {@code args} (e.g. {@code --approvalchain.test.halt-at=...}) and waits
     * until it is up. A start killed from outside by a signal (on a shared build machine) is tried once more.
     */
    static EngineProcess start(Path dataDir, String... args) throws IOException, InterruptedException {
        try {
            return startOnce(dataDir, args);
        } catch (KilledWhileStarting e) {
            System.out.println("engine start killed from outside (" + e.getMessage() + "); starting it again");
            return startOnce(dataDir, args);
        }
    }

    private static EngineProcess startOnce(Path dataDir, String... args) throws IOException, InterruptedException {
        int port = freePort();
        Path log = nextLog(dataDir);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:SharedArchiveFile=" + APP.resolve("approvalchain.jsa"), "-jar", executableJar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("APPROVALCHAIN_DATA_DIR", dataDir.toString());
        builder.environment().put("PORT", String.valueOf(port));
        Instant started = Instant.now();
        EngineProcess engine = new EngineProcess(builder.start(), log, port);
        engine.awaitUp();
        System.out.printf("engine up on port %d after %d s (%s)%n", port, Duration.between(started, Instant.now()).toSeconds(), log);
        return engine;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the engine still runs after " + timeout + "; log " + log + ":\n" + tail());
        }
        return process.exitValue();
    }

    /** Stops the engine the ordinary way (SIGTERM) and waits until its files are released. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** The last lines of the engine's log, for failure messages. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitUp() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                if (http.send(health, HttpResponse.BodyHandlers.ofString()).body().contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        if (!process.isAlive() && (process.exitValue() == 137 || process.exitValue() == 143)) {
            throw new KilledWhileStarting("exit code " + process.exitValue() + ", log " + log);
        }
        String ended = process.isAlive() ? "still starting" : "ended with exit code " + process.exitValue();
        process.destroyForcibly().waitFor();
        throw new AssertionError("the engine did not come up on port " + port + " (" + ended + "); log " + log + ":\n" + tail());
    }

    private static final class KilledWhileStarting extends RuntimeException {
        KilledWhileStarting(String message) {
            super(message);
        }
    }

    private static Path executableJar() {
        Path jar = APP.resolve("approvalchain.jar");
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("no " + jar + ": run the integration tests with mvn verify (without -Dapp.archive.skip)");
        }
        return jar;
    }

    private static Path nextLog(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        try (Stream<Path> files = Files.list(dataDir)) {
            long started = files.filter(f -> f.getFileName().toString().startsWith("engine-")).count();
            return dataDir.resolve("engine-" + (started + 1) + ".log");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
