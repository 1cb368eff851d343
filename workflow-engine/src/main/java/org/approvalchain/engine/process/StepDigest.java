package org.approvalchain.engine.process;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.approvalchain.engine.crypto.CanonicalJson;
import org.approvalchain.engine.crypto.Sm3;

/**
 * A step's inputs or result in canonical JSON ({@link CanonicalJson}) with its SM3 hash, from one
 * serialisation: what goes on chain, and what a verifier recomputes from the audit trail.
 */
record StepDigest(String json, String sm3) {

    static StepDigest of(Map<String, ?> values) {
        String json = CanonicalJson.text(values);
        return new StepDigest(json, Sm3.hex(json.getBytes(StandardCharsets.UTF_8)));
    }
}
