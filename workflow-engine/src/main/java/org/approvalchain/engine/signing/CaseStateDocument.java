package org.approvalchain.engine.signing;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.approvalchain.engine.crypto.CanonicalJson;
import org.approvalchain.engine.crypto.Sm3;

/**
 * The state of a case that an approver decides on, as the engine reads it when it issues a payload
 * to sign: the application's declared fields, the SM3 hash of the applicant's personal data (never
 * the data), the material hashes, and every step recorded so far with its result hash. Its SM3
 * over its canonical JSON ({@link CanonicalJson}) is the payload's {@code caseState}, so a signature
 * covers the data decided on; the document is kept with the decision so that a verifier can
 * recompute that hash and hold the steps it lists against the chain. Documented in
 * docs/decision-payload.md.
 *
 * @param application each declared field's value (text, whole number or true/false; null when not
 *     given), by field name
 * @param applicantHash {@code 0x} + SM3 of the applicant's personal data; null when the case has none
 * @param materialHashes SM3 hashes of the materials, kept sorted and distinct
 * @param steps every step of the case recorded so far, in chain order
 */
public record CaseStateDocument(String caseId, Map<String, Object> application, String applicantHash,
                                List<String> materialHashes, List<Step> steps) {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /**
     * One recorded step: {@code <activity id>#<visit>}, how it was taken ({@code AUTOMATIC} or
     * {@code MANUAL}), the contract function that took it, and its result hash as on chain.
     */
    public record Step(String activityInstance, String kind, String contract, String function, String resultHash) {
    }

    public CaseStateDocument {
        application = Collections.unmodifiableMap(new TreeMap<>(application == null ? Map.of() : application));
        materialHashes = materialHashes == null ? List.of() : materialHashes.stream().sorted().distinct().toList();
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** The canonical JSON text: what is kept, and whose UTF-8 bytes are hashed. */
    public String canonicalText() {
        return new String(CanonicalJson.of(this), StandardCharsets.UTF_8);
    }

    /** {@code 0x} + hex SM3 of the canonical bytes: the payload's {@code caseState}. */
    public String sm3Hex() {
        return Sm3.hex(CanonicalJson.of(this));
    }

    /**
     * The document a kept text holds, however it is written.
     *
     * @throws InvalidDecisionPayloadException when it is not such a document
     */
    public static CaseStateDocument parse(String json) {
        try {
            return JSON.readValue(json, CaseStateDocument.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new InvalidDecisionPayloadException("not a case-state document: " + e.getMessage(), e);
        }
    }
}
