package org.approvalchain.engine.signing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.approvalchain.engine.signing.Payloads.APPLICANT_HASH;
import static org.approvalchain.engine.signing.Payloads.HASH_A;
import static org.approvalchain.engine.signing.Payloads.HASH_B;
import static org.approvalchain.engine.signing.Payloads.RESULT_HASH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.approvalchain.engine.crypto.Sm3;
import org.junit.jupiter.api.Test;

class CaseStateDocumentTest {

    private static final String CANONICAL = "{\"applicantHash\":\"" + APPLICANT_HASH + "\",\"application\":{\"applicantAge\":30,"
            + "\"licenceType\":\"食品经营许可证\"},\"caseId\":\"case-2025-0001\",\"materialHashes\":[\"" + HASH_B + "\",\"" + HASH_A
            + "\"],\"steps\":[{\"activityInstance\":\"Activity_CheckEligibility#1\",\"contract\":\"EligibilityRule\","
            + "\"function\":\"check\",\"kind\":\"AUTOMATIC\",\"resultHash\":\"" + RESULT_HASH + "\"}]}";

    @Test
    void writesEveryMemberSortedWithoutWhitespace() {
        assertThat(Payloads.caseState().canonicalText()).isEqualTo(CANONICAL);
    }

    @Test
    void itsDigestIsTheSm3OfItsCanonicalBytes() {
        assertThat(Payloads.caseState().sm3Hex()).isEqualTo(Sm3.hex(CANONICAL.getBytes(UTF_8))).matches("0x[0-9a-f]{64}");
    }

    @Test
    void anyChangeOfTheDataDecidedOnChangesTheDigest() {
        CaseStateDocument s = Payloads.caseState();
        String digest = s.sm3Hex();

        assertThat(new CaseStateDocument(s.caseId(), Map.of("applicantAge", 30L, "licenceType", "营业执照"), s.applicantHash(),
                s.materialHashes(), s.steps()).sm3Hex()).isNotEqualTo(digest);
        assertThat(new CaseStateDocument(s.caseId(), s.application(), "0x" + "c".repeat(64), s.materialHashes(),
                s.steps()).sm3Hex()).isNotEqualTo(digest);
        assertThat(new CaseStateDocument(s.caseId(), s.application(), s.applicantHash(), List.of(HASH_A), s.steps()).sm3Hex())
                .isNotEqualTo(digest);
        assertThat(new CaseStateDocument(s.caseId(), s.application(), s.applicantHash(), s.materialHashes(),
                List.of(new CaseStateDocument.Step("Activity_CheckEligibility#1", "AUTOMATIC", "EligibilityRule", "check",
                        "0x" + "d".repeat(64)))).sm3Hex()).isNotEqualTo(digest);
    }

    @Test
    void keepsAFieldNotGivenAsNullAndMaterialHashesSortedWhateverTheOrderGiven() {
        Map<String, Object> application = new HashMap<>();
        application.put("licenceType", null);
        CaseStateDocument state = new CaseStateDocument("c", application, null, List.of(HASH_A, HASH_B, HASH_A), null);

        assertThat(state.canonicalText()).isEqualTo("{\"applicantHash\":null,\"application\":{\"licenceType\":null},"
                + "\"caseId\":\"c\",\"materialHashes\":[\"" + HASH_B + "\",\"" + HASH_A + "\"],\"steps\":[]}");
    }

    @Test
    void parsesItsTextBackToTheSameDocument() {
        CaseStateDocument parsed = CaseStateDocument.parse(CANONICAL);

        assertThat(parsed.canonicalText()).isEqualTo(CANONICAL);
        assertThat(parsed.steps()).isEqualTo(Payloads.caseState().steps());
    }

    @Test
    void refusesTextThatIsNotACaseStateDocument() {
        assertThatThrownBy(() -> CaseStateDocument.parse("{\"caseId\":\"c\",\"caseId\":\"d\"}"))
                .isInstanceOf(InvalidDecisionPayloadException.class).hasMessageContaining("Duplicate field 'caseId'");
        assertThatThrownBy(() -> CaseStateDocument.parse("[1]")).isInstanceOf(InvalidDecisionPayloadException.class)
                .hasMessageStartingWith("not a case-state document");
    }
}
