package org.approvalchain.engine.signing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.approvalchain.engine.signing.Payloads.HASH_A;
import static org.approvalchain.engine.signing.Payloads.HASH_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.approvalchain.engine.crypto.Sm3;
import org.junit.jupiter.api.Test;

class DecisionPayloadTest {

    private static final String CASE_STATE = Payloads.caseState().sm3Hex();
    private static final String CANONICAL = "{\"activityId\":\"Activity_ReviewMaterials\",\"caseId\":\"case-2025-0001\","
            + "\"caseState\":\"" + CASE_STATE + "\",\"decision\":\"APPROVE\",\"issuedAt\":\"2025-03-01T08:30:00.000Z\",\"materialHashes\":[\"" + HASH_B + "\",\""
            + HASH_A + "\"],\"processDefinitionId\":\"business-licence:3:5f0e6a2c-7d41-4c1e-9a3b-0242ac120002\",\"processVersion\":3,"
            + "\"reasons\":\"材料齐全，符合《行政许可法》第三十四条。\",\"taskId\":\"task-7f3a\",\"v\":2}";

    @Test
    void writesKeysInLexicographicOrderWithoutWhitespaceAsUtf8() {
        assertThat(Payloads.approval().canonicalBytes()).isEqualTo(CANONICAL.getBytes(UTF_8));
    }

    @Test
    void writesTheSameBytesWhateverTheOrderOfMaterialHashesGiven() {
        DecisionPayload p = Payloads.approval();
        DecisionPayload reordered = new DecisionPayload(p.caseId(), p.taskId(), p.activityId(), p.processDefinitionId(),
                p.processVersion(), p.decision(), p.reasons(), List.of(HASH_A, HASH_B), p.caseState(), p.issuedAt());

        assertThat(reordered.canonicalBytes()).isEqualTo(p.canonicalBytes()).isEqualTo(Payloads.approval().canonicalBytes());
        assertThat(reordered.materialHashes()).containsExactly(HASH_B, HASH_A);
    }

    @Test
    void parsesItsCanonicalBytesBackToAnEqualPayload() {
        DecisionPayload payload = Payloads.approval();

        assertThat(DecisionPayload.parse(payload.canonicalBytes())).isEqualTo(payload);
    }

    @Test
    void chineseReasonsRoundTripAsRawUtf8NotUnicodeEscapes() {
        byte[] bytes = Payloads.approval().canonicalBytes();

        assertThat(new String(bytes, UTF_8)).contains("材料齐全").doesNotContain("\\u");
        assertThat(DecisionPayload.parse(bytes).reasons()).isEqualTo("材料齐全，符合《行政许可法》第三十四条。");
    }

    @Test
    void escapesOnlyWhatJcsEscapes() {
        String reasons = "\"q\" \\ \n\t\b\f\r \u0001\u001f \u007f \u2028 é 😀 </script>";
        DecisionPayload payload = Payloads.withReasons(Payloads.approval(), reasons);

        assertThat(new String(payload.canonicalBytes(), UTF_8))
                .contains("\"reasons\":\"\\\"q\\\" \\\\ \\n\\t\\b\\f\\r \\u0001\\u001f \u007f \u2028 é 😀 </script>\"");
        assertThat(DecisionPayload.parse(payload.canonicalBytes()).reasons()).isEqualTo(reasons);
    }

    @Test
    void hasTheSm3DigestOfItsCanonicalBytes() {
        assertThat(Sm3.hex("abc".getBytes(UTF_8)))
                .isEqualTo("0x66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(Payloads.approval().sm3Hex()).isEqualTo(Sm3.hex(CANONICAL.getBytes(UTF_8))).matches("0x[0-9a-f]{64}");
    }

    @Test
    void rejectsInsignificantWhitespace() {
        assertRejected(CANONICAL.replace(",\"caseId\"", ", \"caseId\""), "not canonical at byte");
        assertRejected(CANONICAL + "\n", "not canonical at byte " + CANONICAL.getBytes(UTF_8).length + ": expected the end but found \"\\n\"");
    }

    @Test
    void rejectsKeysOutOfOrder() {
        String swapped = "{\"caseId\":\"case-2025-0001\",\"activityId\":\"Activity_ReviewMaterials\","
                + CANONICAL.substring(CANONICAL.indexOf("\"decision\""));

        assertRejected(swapped, "keys must be in lexicographic order, \"caseId\" came before \"activityId\"");
    }

    @Test
    void rejectsUnicodeEscapesThatJcsDoesNotUse() {
        assertRejected(CANONICAL.replace("材", "\\u6750"), "not canonical at byte");
    }

    @Test
    void rejectsNumbersWithFractionOrExponent() {
        assertRejected(CANONICAL.replace("\"processVersion\":3", "\"processVersion\":3.0"), "\"processVersion\" must be an integer");
        assertRejected(CANONICAL.replace("\"processVersion\":3", "\"processVersion\":3e0"), "\"processVersion\" must be an integer");
    }

    @Test
    void rejectsUnsortedMaterialHashes() {
        String unsorted = CANONICAL.replace("[\"" + HASH_B + "\",\"" + HASH_A + "\"]", "[\"" + HASH_A + "\",\"" + HASH_B + "\"]");

        assertRejected(unsorted, "\"materialHashes\" must be sorted ascending");
    }

    @Test
    void rejectsDuplicateUnknownAndMissingFields() {
        assertRejected(CANONICAL.replace("\"v\":2}", "\"v\":2,\"v\":2}"), "Duplicate field 'v'");
        assertRejected(CANONICAL.replace("\"v\":2}", "\"v\":2,\"w\":1}"), "unknown field \"w\"");
        assertRejected(CANONICAL.replace(",\"v\":2}", "}"), "missing field \"v\"");
        assertRejected(CANONICAL.replace("\"caseState\":\"" + CASE_STATE + "\",", ""), "missing field \"caseState\"");
        assertRejected(CANONICAL.replace("\"caseState\":\"" + CASE_STATE + "\"", "\"caseState\":\"0x12\""),
                "caseState 0x12 is not 0x followed by 64 lower-case hex digits");
    }

    @Test
    void rejectsAnotherFormatVersion() {
        assertRejected(CANONICAL.replace("\"v\":2}", "\"v\":3}"), "unsupported payload format version v=3");
        assertRejected(CANONICAL.replace("\"v\":2}", "\"v\":1}"), "unknown field \"caseState\"");
    }

    @Test
    void readsFormatOneWithoutCaseStateSoThatDecisionsSignedBeforeFormatTwoStillVerify() {
        String formatOne = CANONICAL.replace("\"caseState\":\"" + CASE_STATE + "\",", "").replace("\"v\":2}", "\"v\":1}");

        DecisionPayload payload = DecisionPayload.parse(formatOne.getBytes(UTF_8));

        assertThat(payload).isEqualTo(Payloads.withoutCaseState(Payloads.approval()));
        assertThat(payload.version()).isEqualTo(DecisionPayload.FORMAT_VERSION_WITHOUT_CASE_STATE);
        assertThat(payload.canonicalBytes()).isEqualTo(formatOne.getBytes(UTF_8));
        assertThat(Payloads.approval().version()).isEqualTo(2);
    }

    @Test
    void rejectsBadFieldValues() {
        assertRejected(CANONICAL.replace("APPROVE", "approve"), "\"decision\" must be one of [APPROVE, REJECT, RETURN_FOR_CORRECTION]");
        assertRejected(CANONICAL.replace("08:30:00.000Z", "08:30:00Z"), "\"issuedAt\" must be UTC with milliseconds");
        assertRejected(CANONICAL.replace(HASH_A, HASH_A.toUpperCase().replace("0X", "0x")), "is not 0x followed by 64 lower-case hex digits");
    }

    @Test
    void rejectsBytesThatAreNotUtf8OrNotJson() {
        byte[] latin1 = CANONICAL.replace("材料齐全，符合《行政许可法》第三十四条。", "café").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> DecisionPayload.parse(latin1)).isInstanceOf(InvalidDecisionPayloadException.class)
                .hasMessage("payload is not valid UTF-8");
        assertRejected("[1,2]", "payload is not a JSON object");
        assertRejected("{\"v\":1", "payload is not JSON");
    }

    @Test
    void refusesValuesWithoutAnExactCanonicalForm() {
        DecisionPayload p = Payloads.approval();

        assertThatThrownBy(() -> new DecisionPayload(p.caseId(), p.taskId(), p.activityId(), p.processDefinitionId(), 1,
                p.decision(), "", List.of(), p.caseState(), Instant.parse("2025-03-01T08:30:00.000001Z")))
                .isInstanceOf(InvalidDecisionPayloadException.class).hasMessageContaining("millisecond precision");
        assertThatThrownBy(() -> Payloads.withReasons(p, "bad \ud800 surrogate"))
                .hasMessageContaining("reasons has an unpaired UTF-16 surrogate");
        assertThatThrownBy(() -> new DecisionPayload(" ", p.taskId(), p.activityId(), p.processDefinitionId(), 1,
                p.decision(), "", List.of(), p.caseState(), p.issuedAt())).hasMessage("caseId must not be empty");
        assertThatThrownBy(() -> new DecisionPayload(p.caseId(), p.taskId(), p.activityId(), p.processDefinitionId(), 1,
                p.decision(), "", List.of(HASH_A, HASH_A), p.caseState(), p.issuedAt())).hasMessageContaining("is listed twice");
        assertThatThrownBy(() -> new DecisionPayload(p.caseId(), p.taskId(), p.activityId(), p.processDefinitionId(), 1,
                p.decision(), "", List.of(), "0xABC", p.issuedAt())).hasMessageContaining("caseState 0xABC is not 0x followed by 64");
    }

    @Test
    void acceptsEmptyReasonsAndNoMaterials() {
        DecisionPayload p = Payloads.approval();
        DecisionPayload bare = new DecisionPayload(p.caseId(), p.taskId(), p.activityId(), p.processDefinitionId(), 1,
                Decision.RETURN_FOR_CORRECTION, "", List.of(), p.caseState(), p.issuedAt());

        assertThat(new String(bare.canonicalBytes(), UTF_8)).contains("\"materialHashes\":[]", "\"reasons\":\"\"");
        assertThat(DecisionPayload.parse(bare.canonicalBytes())).isEqualTo(bare);
    }

    @Test
    void signsScoresAsAnObjectInKeyOrderAndReadsThemBack() {
        DecisionPayload p = Payloads.approval();
        DecisionPayload scored = new DecisionPayload(p.caseId(), p.taskId(), p.activityId(), p.processDefinitionId(),
                p.processVersion(), p.decision(), p.reasons(), p.materialHashes(), p.caseState(), p.issuedAt(),
                new TreeMap<>(Map.of("TB-2", 90L, "TB-10", 85L)));
        String canonical = new String(scored.canonicalBytes(), UTF_8);
        assertThat(canonical).isEqualTo(CANONICAL.replace(",\"taskId\"", ",\"scores\":{\"TB-10\":85,\"TB-2\":90},\"taskId\""));
        assertThat(DecisionPayload.parse(scored.canonicalBytes())).isEqualTo(scored);
        assertThat(scored.sm3Hex()).isNotEqualTo(p.sm3Hex());
    }

    @Test
    void keepsTheBytesOfAPayloadWithoutScores() {
        assertThat(DecisionPayload.parse(CANONICAL.getBytes(UTF_8)).scores()).isEmpty();
        assertThat(new String(DecisionPayload.parse(CANONICAL.getBytes(UTF_8)).canonicalBytes(), UTF_8)).doesNotContain("scores");
    }

    @Test
    void rejectsEmptyFractionalOrNegativeScores() {
        assertRejected(CANONICAL.replace(",\"taskId\"", ",\"scores\":{},\"taskId\""), "\"scores\" must be an object");
        assertRejected(CANONICAL.replace(",\"taskId\"", ",\"scores\":{\"TB-1\":8.5},\"taskId\""), "whole numbers");
        assertRejected(CANONICAL.replace(",\"taskId\"", ",\"scores\":{\"TB-1\":-1},\"taskId\""), "0 or more");
    }

    private static void assertRejected(String json, String message) {
        assertThatThrownBy(() -> DecisionPayload.parse(json.getBytes(UTF_8)))
                .isInstanceOf(InvalidDecisionPayloadException.class).hasMessageContaining(message);
    }
}
