package org.approvalchain.engine.signing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.approvalchain.engine.crypto.CanonicalJson;
import org.approvalchain.engine.crypto.Sm3;

/**
 * What an approver signs: their decision on one task of one case, under one process version, with
 * reasons, the SM3 hashes of the materials they reviewed, the SM3 of the case's state as they saw
 * it ({@link CaseStateDocument}), and when they decided. Its {@link #canonicalBytes() canonical
 * bytes} are JSON as RFC 8785 (JCS) writes it, with a format version {@code "v":2}; they are what
 * is signed, hashed ({@link #sm3Hex()}) and recorded. {@link #parse(byte[])} accepts only bytes in
 * exactly that form, so one decision has exactly one byte form and one digest. It also reads format
 * 1 (no {@code caseState}), so that decisions signed before format 2 still verify; new decisions
 * must be format 2. A decision that scores items (a committee member's evaluation of the bids of a
 * tender) carries its {@code scores}, so that the signature covers them; a payload without scores
 * has no such member, so its bytes are those of every decision before scores existed. The format is
 * documented in docs/decision-payload.md.
 *
 * @param materialHashes {@code 0x} + 64 lower-case hex digits each, no duplicates; kept sorted
 * @param caseState {@code 0x} + 64 lower-case hex digits, the SM3 of the case-state document; null
 *     only in a format-1 payload
 * @param issuedAt UTC, millisecond precision, years 1970 to 9999
 * @param reasons free text, may be empty, never null
 * @param scores item (e.g. bid id) to a whole score of 0 or more, kept sorted by item; empty for a
 *     decision that scores nothing
 */
public record DecisionPayload(
        String caseId,
        String taskId,
        String activityId,
        String processDefinitionId,
        int processVersion,
        Decision decision,
        String reasons,
        List<String> materialHashes,
        String caseState,
        Instant issuedAt,
        SortedMap<String, Long> scores) {

    /** The value of {@code "v"} of new payloads: the version of this byte format. */
    public static final int FORMAT_VERSION = 2;

    /** The format before {@code caseState}: read, so that old decisions verify, but not accepted for new ones. */
    public static final int FORMAT_VERSION_WITHOUT_CASE_STATE = 1;

    /** How long a payload may wait between issue and submission: a decision is taken, and kept, within it. */
    public static final Duration VALIDITY = Duration.ofMinutes(15);

    /** How far the clocks of the engine's nodes (and the chain's) may be apart. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    static final Pattern SM3_HEX = Pattern.compile("0x[0-9a-f]{64}");
    public static final DateTimeFormatter ISSUED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    public DecisionPayload {
        identifier("caseId", caseId);
        identifier("taskId", taskId);
        identifier("activityId", activityId);
        identifier("processDefinitionId", processDefinitionId);
        require(processVersion >= 1, "processVersion must be 1 or more, was " + processVersion);
        require(decision != null, "decision is missing");
        require(reasons != null, "reasons must not be null (use \"\" for none)");
        text("reasons", reasons);
        materialHashes = sortedHashes(materialHashes);
        require(caseState == null || SM3_HEX.matcher(caseState).matches(),
                "caseState " + caseState + " is not 0x followed by 64 lower-case hex digits (an SM3 hash)");
        require(issuedAt != null, "issuedAt is missing");
        require(issuedAt.getNano() % 1_000_000 == 0,
                "issuedAt must have millisecond precision, was " + issuedAt + " (truncate it to milliseconds)");
        require(!issuedAt.isBefore(EARLIEST) && !issuedAt.isAfter(LATEST),
                "issuedAt must lie between 1970 and 9999, was " + issuedAt);
        scores = checkedScores(scores);
    }

    /** A decision that scores nothing: the payload of every task without scores. */
    public DecisionPayload(String caseId, String taskId, String activityId, String processDefinitionId, int processVersion,
                           Decision decision, String reasons, List<String> materialHashes, String caseState, Instant issuedAt) {
        this(caseId, taskId, activityId, processDefinitionId, processVersion, decision, reasons, materialHashes, caseState,
                issuedAt, new TreeMap<>());
    }

    /** The canonical UTF-8 JSON bytes: the exact bytes an approver signs. */
    public byte[] canonicalBytes() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("v", version());
        members.put("caseId", caseId);
        members.put("taskId", taskId);
        members.put("activityId", activityId);
        members.put("processDefinitionId", processDefinitionId);
        members.put("processVersion", processVersion);
        members.put("decision", decision.name());
        members.put("reasons", reasons);
        members.put("materialHashes", materialHashes);
        if (caseState != null) {
            members.put("caseState", caseState);
        }
        members.put("issuedAt", ISSUED_AT.format(issuedAt));
        if (!scores.isEmpty()) {
            members.put("scores", scores);
        }
        return CanonicalJson.object(members);
    }

    /** The format version these bytes have: {@link #FORMAT_VERSION}, or 1 for a payload without {@code caseState}. */
    public int version() {
        return caseState == null ? FORMAT_VERSION_WITHOUT_CASE_STATE : FORMAT_VERSION;
    }

    /** {@code 0x} + hex SM3 digest of the canonical bytes: the decision's identity on chain. */
    public String sm3Hex() {
        return Sm3.hex(canonicalBytes());
    }

    /**
     * The payload these bytes encode, if and only if they are its canonical form.
     *
     * @throws InvalidDecisionPayloadException naming the field, or the first byte, that is wrong
     */
    public static DecisionPayload parse(byte[] bytes) {
        return DecisionPayloadReader.read(bytes);
    }

    private static void identifier(String field, String value) {
        require(value != null && !value.isBlank(), field + " must not be empty");
        text(field, value);
    }

    private static void text(String field, String value) {
        int at = CanonicalJson.loneSurrogate(value);
        require(at < 0, field + " has an unpaired UTF-16 surrogate at index " + at + ": it has no UTF-8 form");
    }

    private static List<String> sortedHashes(List<String> hashes) {
        require(hashes != null, "materialHashes must not be null (use an empty list for none)");
        List<String> sorted = new ArrayList<>(hashes.size());
        for (String hash : hashes) {
            require(hash != null && SM3_HEX.matcher(hash).matches(),
                    "material hash " + hash + " is not 0x followed by 64 lower-case hex digits (an SM3 hash)");
            sorted.add(hash);
        }
        sorted.sort(null);
        for (int i = 1; i < sorted.size(); i++) {
            require(!Objects.equals(sorted.get(i - 1), sorted.get(i)), "material hash " + sorted.get(i) + " is listed twice");
        }
        return List.copyOf(sorted);
    }

    private static SortedMap<String, Long> checkedScores(Map<String, Long> scores) {
        require(scores != null, "scores must not be null (use an empty map for none)");
        SortedMap<String, Long> sorted = new TreeMap<>();
        scores.forEach((item, score) -> {
            identifier("scores item", item);
            require(score != null && score >= 0, "score of " + item + " must be a whole number, 0 or more, was " + score);
            sorted.put(item, score);
        });
        return Collections.unmodifiableSortedMap(sorted);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidDecisionPayloadException(message);
        }
    }
}
