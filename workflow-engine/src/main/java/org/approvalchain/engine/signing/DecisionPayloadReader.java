package org.approvalchain.engine.signing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.approvalchain.engine.crypto.CanonicalJson;

/**
 * Reads payload bytes field by field with messages that name the field, then insists that the
 * payload re-serialises to exactly the bytes given: that last check is what makes parsing accept
 * only the canonical form, whatever the JSON parser tolerates.
 */
final class DecisionPayloadReader {

    private static final Set<String> FIELDS_V1 = new TreeSet<>(List.of("v", "caseId", "taskId", "activityId",
            "processDefinitionId", "processVersion", "decision", "reasons", "materialHashes", "issuedAt"));
    private static final Set<String> FIELDS = new TreeSet<>(Stream.concat(FIELDS_V1.stream(), Stream.of("caseState")).toList());
    /** Members a format-2 payload has only when it needs them. */
    private static final Set<String> OPTIONAL = Set.of("scores");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final JsonNode root;

    private DecisionPayloadReader(JsonNode root) {
        this.root = root;
    }

    static DecisionPayload read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw invalid("payload is empty");
        }
        String text = utf8(bytes);
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidDecisionPayloadException("payload is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw invalid("payload is not a JSON object");
        }
        DecisionPayload payload = new DecisionPayloadReader(root).payload();
        requireCanonical(bytes, payload.canonicalBytes());
        return payload;
    }

    private DecisionPayload payload() {
        if (!root.has("v")) {
            throw invalid("missing field \"v\"");
        }
        int version = integer("v");
        boolean withCaseState = version == DecisionPayload.FORMAT_VERSION;
        if (!withCaseState && version != DecisionPayload.FORMAT_VERSION_WITHOUT_CASE_STATE) {
            throw invalid("unsupported payload format version v=" + version + " (this engine reads v="
                    + DecisionPayload.FORMAT_VERSION + ", and v=1 of decisions signed before it)");
        }
        checkFieldNames(withCaseState ? FIELDS : FIELDS_V1, withCaseState ? OPTIONAL : Set.of());
        return new DecisionPayload(string("caseId"), string("taskId"), string("activityId"),
                string("processDefinitionId"), integer("processVersion"), decision(), string("reasons"),
                hashes(), withCaseState ? string("caseState") : null, issuedAt(), scores());
    }

    private void checkFieldNames(Set<String> fields, Set<String> optional) {
        String previous = null;
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name) && !optional.contains(name)) {
                throw invalid("unknown field \"" + name + "\"");
            }
            if (previous != null && previous.compareTo(name) > 0) {
                throw invalid("not canonical: keys must be in lexicographic order, \"" + previous + "\" came before \"" + name + "\"");
            }
            previous = name;
        }
        for (String field : fields) {
            if (!root.has(field)) {
                throw invalid("missing field \"" + field + "\"");
            }
        }
    }

    private String string(String field) {
        JsonNode node = root.get(field);
        if (!node.isTextual()) {
            throw invalid("\"" + field + "\" must be a string, was " + node.getNodeType());
        }
        return node.textValue();
    }

    private int integer(String field) {
        JsonNode node = root.get(field);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw invalid("\"" + field + "\" must be an integer (no fraction or exponent), was " + node);
        }
        return node.intValue();
    }

    private Decision decision() {
        String value = string("decision");
        try {
            return Decision.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw invalid("\"decision\" must be one of " + List.of(Decision.values()) + ", was \"" + value + "\"");
        }
    }

    private List<String> hashes() {
        JsonNode node = root.get("materialHashes");
        if (!node.isArray()) {
            throw invalid("\"materialHashes\" must be an array of strings, was " + node.getNodeType());
        }
        List<String> hashes = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw invalid("\"materialHashes\" must hold strings only, found " + item);
            }
            if (!hashes.isEmpty() && hashes.get(hashes.size() - 1).compareTo(item.textValue()) > 0) {
                throw invalid("not canonical: \"materialHashes\" must be sorted ascending, " + item.textValue() + " is out of order");
            }
            hashes.add(item.textValue());
        }
        return hashes;
    }

    private SortedMap<String, Long> scores() {
        SortedMap<String, Long> scores = new TreeMap<>();
        JsonNode node = root.get("scores");
        if (node == null) {
            return scores;
        }
        if (!node.isObject() || node.isEmpty()) {
            throw invalid("\"scores\" must be an object of item to whole score, not empty (leave it out for none), was " + node);
        }
        for (Iterator<Map.Entry<String, JsonNode>> items = node.fields(); items.hasNext(); ) {
            Map.Entry<String, JsonNode> item = items.next();
            if (!item.getValue().isIntegralNumber() || !item.getValue().canConvertToLong()) {
                throw invalid("\"scores\" must hold whole numbers, " + item.getKey() + " was " + item.getValue());
            }
            scores.put(item.getKey(), item.getValue().longValue());
        }
        return scores;
    }

    private Instant issuedAt() {
        String value = string("issuedAt");
        try {
            return Instant.from(DecisionPayload.ISSUED_AT.parse(value));
        } catch (DateTimeParseException e) {
            throw invalid("\"issuedAt\" must be UTC with milliseconds, like 2025-03-01T08:30:00.000Z; was \"" + value + "\"");
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidDecisionPayloadException("payload is not valid UTF-8", e);
        }
    }

    private static void requireCanonical(byte[] given, byte[] canonical) {
        int at = 0;
        while (at < given.length && at < canonical.length && given[at] == canonical[at]) {
            at++;
        }
        if (at < given.length || at < canonical.length) {
            throw invalid("not canonical at byte " + at + ": expected " + excerpt(canonical, at) + " but found "
                    + excerpt(given, at) + " (JCS form: keys sorted, no whitespace, only JCS escapes, see docs/decision-payload.md)");
        }
    }

    private static String excerpt(byte[] bytes, int at) {
        if (at >= bytes.length) {
            return "the end";
        }
        int end = Math.min(bytes.length, at + 24);
        StringBuilder out = new StringBuilder();
        CanonicalJson.string(out, new String(bytes, at, end - at, StandardCharsets.UTF_8));
        return out + (end < bytes.length ? "…" : "");
    }

    private static InvalidDecisionPayloadException invalid(String message) {
        return new InvalidDecisionPayloadException(message);
    }
}
