package org.approvalchain.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The benchmark's one HTTP client, the same for every system it drives: JSON over HTTP/1.1 with
 * kept-alive connections, optionally HTTP Basic, and polling with a given {@link Patience}, the same
 * for every system in a run, so that waiting costs them alike.
 */
final class JsonClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final long CAP_SHARE_OF_WAIT = 10;

    private final String baseUrl;
    private final Optional<String> authorization;

    private JsonClient(String baseUrl, Optional<String> authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    static JsonClient anonymous(String baseUrl) {
        return new JsonClient(baseUrl, Optional.empty());
    }

    /** Logged in as a demo user (password = user id). */
    static JsonClient demoUser(String baseUrl, String user) {
        return new JsonClient(baseUrl, Optional.of("Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8))));
    }

    JsonNode get(String path) throws IOException {
        return send("GET", path, null, Map.of());
    }

    /** GETs {@code path} as plain text (e.g. Prometheus' exposition format). */
    String text(String path) throws IOException {
        return exchange("GET", path, null, "text/plain", Map.of());
    }

    /** Sends {@code body} as JSON; the answer's JSON (a null node when empty), or an exception naming the call and status. */
    JsonNode post(String path, Object body) throws IOException {
        return post(path, body, Map.of());
    }

    /** {@link #post(String, Object)} with extra request headers (e.g. an {@code Idempotency-Key}). */
    JsonNode post(String path, Object body, Map<String, String> headers) throws IOException {
        return send("POST", path, body, headers);
    }

    /**
     * GETs {@code path} until {@code found} finds what is wanted in the answer, as often as {@code
     * patience} says; after its timeout fails with the answer last read. Returns what was found,
     * how many GETs it took and how long they took to be answered, together.
     */
    <T> Polled<T> poll(String path, Function<JsonNode, Optional<T>> found, Patience patience) throws IOException {
        long start = System.nanoTime();
        long deadline = start + patience.timeout().toNanos();
        long pause = patience.firstMillis();
        long answeringNanos = 0;
        for (int requests = 1; ; requests++) {
            sleep(pause);
            long asked = System.nanoTime();
            JsonNode answer = get(path);
            answeringNanos += System.nanoTime() - asked;
            Optional<T> value = found.apply(answer);
            if (value.isPresent()) {
                return new Polled<>(value.get(), requests, Duration.ofNanos(answeringNanos));
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("waited " + patience.timeout() + " on GET " + path + "; last answer: " + answer);
            }
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            pause = Math.min(pause * 3 / 2, Math.max(patience.capMillis(), waitedMillis / CAP_SHARE_OF_WAIT));
        }
    }

    private JsonNode send(String method, String path, Object body, Map<String, String> headers) throws IOException {
        String answer = exchange(method, path, body, "application/json", headers);
        return answer.isBlank() ? JSON.nullNode() : JSON.readTree(answer);
    }

    private String exchange(String method, String path, Object body, String accept, Map<String, String> headers)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        authorization.ifPresent(value -> request.header("Authorization", value));
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during " + method + " " + path, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new Answered(method + " " + path + " answered " + response.statusCode() + ": " + response.body(),
                    response.statusCode());
        }
        return response.body();
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while polling", e);
        }
    }

    /** The application answered, with a status other than 2xx: as opposed to no answer at all (connection refused, cut, timed out). */
    static final class Answered extends IOException {

        private final int status;

        Answered(String message, int status) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /** What a poll found, the number of GETs it took (the first poll's answer is 1) and their answers' time, summed. */
    record Polled<T>(T value, int requests, Duration answering) {
    }

    /**
     * How long and how often a client polls: first {@code firstMillis} after the request, then each
     * pause 1.5 times the last, at most {@code capMillis} (or a tenth of the wait so far, when that is
     * longer), until {@code timeout}.
     */
    record Patience(Duration timeout, long firstMillis, long capMillis) {

        /** The measured runs': 10 ms after the request, then up to 200 ms apart, so that little of a case's time is the wait for a poll. */
        static Patience prompt(Duration timeout) {
            return new Patience(timeout, 10, 200);
        }

        /** Seeding's: every 250 ms, so that polling takes little of what the system spends on its cases. */
        static Patience sparse(Duration timeout) {
            return new Patience(timeout, 250, 250);
        }
    }
}
