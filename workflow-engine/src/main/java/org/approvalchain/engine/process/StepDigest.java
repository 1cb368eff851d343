package org.approvalchain.engine.process;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.approvalchain.engine.signing.Sm3;

/**
 * The canonical JSON of a step's inputs or result (keys sorted, no whitespace, integers as plain
 * numbers) and its SM3 hash: what goes on chain, and what a verifier recomputes from the audit.
 */
final class StepDigest {

    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private StepDigest() {
    }

    static String json(Map<String, ?> values) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(values));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("step values are not JSON: " + e.getMessage(), e);
        }
    }

    /** 0x-prefixed SM3 hex of the canonical JSON. */
    static String sm3(Map<String, ?> values) {
        return Sm3.hex(json(values).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
