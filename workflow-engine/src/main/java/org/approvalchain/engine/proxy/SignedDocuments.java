package org.approvalchain.engine.proxy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.approvalchain.engine.signing.DecisionPayload;

/** Reading the documents a principal signs: JSON with the expected purpose, and only in canonical form. */
final class SignedDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SignedDocuments() {
    }

    /**
     * The document {@code bytes} encode, if and only if they are its canonical form.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static <T> T parse(byte[] bytes, String purpose, Function<JsonNode, T> reader, Function<T, byte[]> canonical) {
        T document;
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !purpose.equals(root.path("purpose").asText())) {
                throw new IllegalArgumentException("its purpose is not " + purpose);
            }
            document = reader.apply(root);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a document of " + purpose + ": " + e.getMessage(), e);
        }
        if (!Arrays.equals(canonical.apply(document), bytes)) {
            throw new IllegalArgumentException("not in canonical form (RFC 8785: members sorted, no whitespace), expected "
                    + new String(canonical.apply(document), StandardCharsets.UTF_8));
        }
        return document;
    }

    static Instant time(JsonNode root, String field) {
        return Instant.parse(root.path(field).asText());
    }

    static String time(Instant time) {
        return DecisionPayload.ISSUED_AT.format(time);
    }
}
