package org.approvalchain.engine.support;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.approvalchain.engine.ApprovalChainApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One engine node (the whole application, its web server on a random port, its job executor) on
 * the {@code demo,postgres} profiles, on a {@link PostgresSchema}; started and closed by the test.
 * Nodes started on one {@link SharedChain} write to one chain. Each node has its own process engine
 * name (letters, digits and underscores), as Camunda keeps a JVM-wide registry of engines by name.
 */
public final class EngineNode implements AutoCloseable {

    private final String name;
    private final ConfigurableApplicationContext context;

    private EngineNode(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
    }

    /** A node with its own embedded chain under {@code dataDir}. */
    public static EngineNode start(String name, PostgresSchema schema, Path dataDir) {
        return start(name, schema, dataDir, null);
    }

    /**
     * A node on {@code chain}. Nodes of one cluster share {@code dataDir}: the engine's department
     * key ({@code approvalchain.ledger.account-key-file}) and the demo approvers' keys live there.
     */
    public static EngineNode start(String name, PostgresSchema schema, Path dataDir, SharedChain chain) {
        return start(name, schema, dataDir, chain, () -> { });
    }

    /**
     * As {@link #start(String, PostgresSchema, Path, SharedChain)}; {@code loggingReady} runs once
     * Spring Boot has set up logging for this node, before any bean (and so Camunda) is created.
     */
    static EngineNode start(String name, PostgresSchema schema, Path dataDir, SharedChain chain, Runnable loggingReady) {
        // command-line arguments: they override application.yml, as an operator's would
        String[] arguments = Stream.of(
                "spring.profiles.active=demo,postgres",
                schema.property(),
                "approvalchain.data-dir=" + dataDir,
                "server.port=0",
                "camunda.bpm.process-engine-name=" + name).map(p -> "--" + p).toArray(String[]::new);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(ApprovalChainApplication.class)
                .listeners((ApplicationListener<ApplicationContextInitializedEvent>) event -> loggingReady.run());
        if (chain != null) {
            builder.parent(chain.context());
        }
        return new EngineNode(name, builder.run(arguments));
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** A client of this node logged in as a demo user (password = user id). */
    public ApiClient as(String demoUser) {
        return ApiClient.demoUser(baseUrl(), demoUser);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
