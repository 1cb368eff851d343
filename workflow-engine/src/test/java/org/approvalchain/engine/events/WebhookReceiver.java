package org.approvalchain.engine.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A department's webhook receiver: a real HTTP server on 127.0.0.1 that answers 204 to every POST
 * and keeps what it got. It can go down and come back on the same port.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One POST as it arrived: the three headers the engine signs with, and the body. */
    record Post(String eventId, String timestamp, String signature, String contentType, String body) {
    }

    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final int port;
    private HttpServer server;

    private WebhookReceiver(int port) {
        this.port = port;
    }

    /** A receiver on a free port, up. */
    static WebhookReceiver up() {
        HttpServer server = bind(new InetSocketAddress("127.0.0.1", 0));
        WebhookReceiver receiver = new WebhookReceiver(server.getAddress().getPort());
        receiver.serve(server);
        return receiver;
    }

    private static HttpServer bind(InetSocketAddress address) {
        try {
            return HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serve(HttpServer bound) {
        bound.createContext("/hook", this::receive);
        bound.start();
        server = bound;
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    List<Post> posts() {
        return List.copyOf(posts);
    }

    /** Stops listening: the engine's POSTs are refused until {@link #comeBack()}. */
    void goDown() {
        server.stop(0);
        server = null;
    }

    void comeBack() {
        serve(bind(new InetSocketAddress("127.0.0.1", port)));
    }

    private void receive(HttpExchange exchange) throws IOException {
        var headers = exchange.getRequestHeaders();
        posts.add(new Post(headers.getFirst("X-ApprovalChain-Event-Id"), headers.getFirst("X-ApprovalChain-Timestamp"),
                headers.getFirst("X-ApprovalChain-Signature"), headers.getFirst("Content-Type"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
