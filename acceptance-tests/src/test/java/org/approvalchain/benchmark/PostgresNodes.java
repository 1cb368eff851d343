package org.approvalchain.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.IntStream;

import org.approvalchain.engine.support.EngineCluster;
import org.approvalchain.engine.support.EngineNode;
import org.approvalchain.engine.support.PostgresSchema;
import org.approvalchain.engine.support.SharedChain;

/**
 * Engine nodes on the {@code demo,postgres} profiles for the benchmark's {@code --postgres-nodes}
 * (issue 13, item 7), run by it in a JVM of their own: {@code count} nodes on one fresh schema of the
 * PostgreSQL test database and one embedded chain, as {@code TwoEngineNodesIT} runs them (separate
 * JVMs could not share the embedded chain; on FISCO BCOS each node would be a JVM of its own). Writes
 * the nodes' base URLs to {@code <data-dir>/nodes.txt} once all are up; runs until the benchmark
 * stops it, then drops the schema.
 */
public final class PostgresNodes {

    private static final String NODES_FILE = "nodes.txt";

    private PostgresNodes() {
    }

    /** {@code <count> <data-dir>} */
    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        Path dataDir = Files.createDirectories(Path.of(args[1]));
        PostgresSchema schema = PostgresSchema.create("benchmark");
        SharedChain chain = SharedChain.open(dataDir.resolve("ledger"));
        EngineCluster cluster;
        try {
            cluster = EngineCluster.startTogether(schema, dataDir, chain,
                    IntStream.rangeClosed(1, count).mapToObj(n -> "node_" + n).toArray(String[]::new));
        } catch (RuntimeException failed) {
            chain.close();
            schema.close();
            throw failed;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (schema; chain; cluster) {
                // closed in reverse order: the nodes, the chain, then the schema is dropped
            }
        }));
        Path written = Files.write(dataDir.resolve(NODES_FILE + ".new"), cluster.nodes().stream().map(EngineNode::baseUrl).toList());
        Files.move(written, dataDir.resolve(NODES_FILE), StandardCopyOption.ATOMIC_MOVE);
        Thread.currentThread().join();
    }

    /** The base URLs of the nodes running on {@code dataDir}; an exception until they are all up. */
    static List<String> urls(Path dataDir) throws IOException {
        return Files.readAllLines(dataDir.resolve(NODES_FILE));
    }
}
