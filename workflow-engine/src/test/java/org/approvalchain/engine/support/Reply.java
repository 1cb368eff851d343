package org.approvalchain.engine.support;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the engine answered to one request ({@code call}, e.g. {@code POST /api/cases/…/corrections}):
 * the HTTP status, the content type, the body as text and as JSON (a null node when the body is
 * empty, a missing node when it is no JSON). A refusal is an RFC 9457 problem detail on our API
 * ({@code detail}) and Camunda's exception JSON on its REST API ({@code message}); the response headers.
 */
public record Reply(String call, int status, String contentType, String text, JsonNode body,
                    Map<String, List<String>> headers) {

    /** The first value of a response header, or null. */
    public String header(String name) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).flatMap(h -> h.getValue().stream())
                .findFirst().orElse(null);
    }

    public boolean ok() {
        return status / 100 == 2;
    }

    /** The reason the engine gave for a refusal, whichever API gave it; else the body as it came. */
    public String reason() {
        return body.hasNonNull("detail") ? body.get("detail").asText() : body.path("message").asText(text);
    }

    /**
     * The problem details, or an assertion error naming the call when the answer is not a problem
     * detail ({@code application/problem+json}) of this status and code.
     */
    public JsonNode refused(int expectedStatus, String code) {
        if (status != expectedStatus || !contentType.startsWith("application/problem+json")
                || !code.equals(body.path("code").asText())) {
            throw new AssertionError(call + " was expected to be refused " + expectedStatus + " " + code + ", but it answered "
                    + status + " (" + contentType + "): " + text);
        }
        return body;
    }

    /** The body, or an assertion error naming the call, the status and the body when it was not accepted. */
    public JsonNode accepted() {
        if (!ok()) {
            throw new AssertionError(call + " was expected to be accepted, but it answered " + status + ": " + text);
        }
        return body;
    }
}
