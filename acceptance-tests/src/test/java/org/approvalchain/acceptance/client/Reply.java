package org.approvalchain.acceptance.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the engine answered: the HTTP status and the body as JSON. A refusal is an RFC 9457 problem
 * detail on our API ({@code detail}) and Camunda's exception JSON on its REST API ({@code message}).
 */
public record Reply(int status, JsonNode body) {

    public boolean ok() {
        return status / 100 == 2;
    }

    /** The reason the engine gave for a refusal, whichever API gave it. */
    public String reason() {
        return body.hasNonNull("detail") ? body.get("detail").asText() : body.path("message").asText(body.toString());
    }

    /** The body, or an assertion error naming the status and the body when the call was not accepted. */
    public JsonNode accepted() {
        if (!ok()) {
            throw new AssertionError("expected the call to be accepted, but it answered " + status + ": " + body);
        }
        return body;
    }
}
