package org.approvalchain.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.approvalchain.acceptance.client.ApproverKey;
import org.approvalchain.engine.ApprovalChainApplication;
import org.approvalchain.engine.support.ApiClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application under test, started once per test run as an operator would start it: the demo
 * profile (demo users and their keys), the embedded chain, a fresh data directory and a free port.
 * Scenarios reach it only over HTTP; the demo approvers' private keys are read from the data
 * directory, where the demo leaves them for their "clients".
 */
public final class RunningEngine {

    private static RunningEngine instance;

    private final Path dataDir;
    private final ConfigurableApplicationContext application;

    private RunningEngine(Path dataDir, ConfigurableApplicationContext application) {
        this.dataDir = dataDir;
        this.application = application;
    }

    static synchronized void start() {
        if (instance != null) {
            return;
        }
        try {
            Path dataDir = Files.createTempDirectory("approvalchain-acceptance-");
            ConfigurableApplicationContext application = new SpringApplicationBuilder(ApprovalChainApplication.class)
                    .run("--server.port=0", "--approvalchain.data-dir=" + dataDir, "--spring.profiles.active=demo",
                            "--spring.main.banner-mode=off");
            instance = new RunningEngine(dataDir, application);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data directory", e);
        }
    }

    static synchronized void stop() {
        if (instance != null) {
            instance.application.close();
            deleteTree(instance.dataDir);
            instance = null;
        }
    }

    public static RunningEngine get() {
        if (instance == null) {
            throw new IllegalStateException("the engine is not running: EngineLifecycle starts it before all scenarios");
        }
        return instance;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) application).getWebServer().getPort();
    }

    /** The engine's APIs as a demo user (password = user id). */
    public ApiClient as(String user) {
        return ApiClient.demoUser(baseUrl(), user);
    }

    /** A demo approver's private key, as their client holds it. */
    public ApproverKey keyOf(String user) {
        return ApproverKey.ofDemoUser(dataDir, user);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
