package org.approvalchain.engine.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Several {@link EngineNode}s on one schema and one {@link SharedChain}, started together (each on
 * its own thread, staggered only past Spring Boot's logging set-up), as an orchestrator starts the
 * replicas of a deployment. If one fails to
 * start, the others are closed and the failure is thrown.
 */
public final class EngineCluster implements AutoCloseable {

    private final List<EngineNode> nodes;

    private EngineCluster(List<EngineNode> nodes) {
        this.nodes = nodes;
    }

    public static EngineCluster startTogether(PostgresSchema schema, Path dataDir, SharedChain chain, String... names) {
        ExecutorService threads = Executors.newFixedThreadPool(names.length);
        List<CompletableFuture<EngineNode>> starting = new ArrayList<>();
        for (String name : names) {
            // Spring Boot's logging set-up is not safe to run twice at once in one JVM (logback
            // throws ConcurrentModificationException): the next node starts once this one is past
            // it, which is still before either has created Camunda's schema.
            CountDownLatch loggingReady = new CountDownLatch(1);
            CompletableFuture<EngineNode> node = CompletableFuture.supplyAsync(
                    () -> EngineNode.start(name, schema, dataDir, chain, loggingReady::countDown), threads);
            node.whenComplete((started, failed) -> loggingReady.countDown());
            starting.add(node);
            awaitQuietly(loggingReady);
        }
        threads.shutdown();
        List<EngineNode> started = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<EngineNode> node : starting) {
            try {
                started.add(node.join());
            } catch (CompletionException e) {
                failure = failure == null ? new IllegalStateException("an engine node failed to start", e.getCause()) : failure;
            }
        }
        if (failure != null) {
            started.forEach(EngineNode::close);
            throw failure;
        }
        return new EngineCluster(List.copyOf(started));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public List<EngineNode> nodes() {
        return nodes;
    }

    @Override
    public void close() {
        nodes.forEach(EngineNode::close);
    }
}
