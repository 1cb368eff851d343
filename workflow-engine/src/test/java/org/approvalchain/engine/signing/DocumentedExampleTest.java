package org.approvalchain.engine.signing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.approvalchain.engine.crypto.CanonicalJson;
import org.approvalchain.engine.crypto.Sm3;
import org.junit.jupiter.api.Test;

/**
 * The worked example in docs/decision-payload.md holds, and the document shows exactly the values
 * checked here: if this fails, fix the document too. The example key's private half was discarded
 * after it signed the example once.
 */
class DocumentedExampleTest {

    static final Path DOCUMENT = Path.of("..", "docs", "decision-payload.md");

    static final String CASE_STATE = "{\"applicantHash\":\"0x7d6cd516d892c298210d640aeea6ddb0f909aea10f34ae5edd847b350d647391\","
            + "\"application\":{\"applicantAge\":30,\"licenceType\":\"食品经营许可证\"},\"caseId\":\"case-2025-0001\","
            + "\"materialHashes\":[\"0x0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b\","
            + "\"0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"],\"steps\":[{\"activityInstance\":"
            + "\"Activity_CheckEligibility#1\",\"contract\":\"EligibilityRule\",\"function\":\"check\",\"kind\":\"AUTOMATIC\","
            + "\"resultHash\":\"0xe5d13d6d05232c53c0e5ae066fb9686c8cabd892eb897dc281dc3ed399c281ea\"}]}";
    static final String CASE_STATE_SM3 = "0x3f650aff7b318bc87662dd77b826b2266c9922fbab8ec991241229be03012094";
    static final String PAYLOAD = "{\"activityId\":\"Activity_ReviewMaterials\",\"caseId\":\"case-2025-0001\",\"caseState\":"
            + "\"0x3f650aff7b318bc87662dd77b826b2266c9922fbab8ec991241229be03012094\",\"decision\":\"APPROVE\",\"issuedAt\":"
            + "\"2025-03-01T08:30:00.000Z\",\"materialHashes\":[\"0x0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b\","
            + "\"0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"],\"processDefinitionId\":\"business-licence:3:5f0e6a2c-7d41-4c1e-9a3b-0242ac120002\","
            + "\"processVersion\":3,\"reasons\":\"材料齐全，符合《行政许可法》第三十四条。\",\"taskId\":\"task-7f3a\",\"v\":2}";
    static final String PAYLOAD_BASE64 = """
            eyJhY3Rpdml0eUlkIjoiQWN0aXZpdHlfUmV2aWV3TWF0ZXJpYWxzIiwiY2FzZUlkIjoiY2FzZS0y
            MDI1LTAwMDEiLCJjYXNlU3RhdGUiOiIweDNmNjUwYWZmN2IzMThiYzg3NjYyZGQ3N2I4MjZiMjI2
            NmM5OTIyZmJhYjhlYzk5MTI0MTIyOWJlMDMwMTIwOTQiLCJkZWNpc2lvbiI6IkFQUFJPVkUiLCJp
            c3N1ZWRBdCI6IjIwMjUtMDMtMDFUMDg6MzA6MDAuMDAwWiIsIm1hdGVyaWFsSGFzaGVzIjpbIjB4
            MGIwYjBiMGIwYjBiMGIwYjBiMGIwYjBiMGIwYjBiMGIwYjBiMGIwYjBiMGIwYjBiMGIwYjBiMGIw
            YjBiMGIwYiIsIjB4YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFh
            YWFhYWFhYWFhYWFhYWFhYWFhYSJdLCJwcm9jZXNzRGVmaW5pdGlvbklkIjoiYnVzaW5lc3MtbGlj
            ZW5jZTozOjVmMGU2YTJjLTdkNDEtNGMxZS05YTNiLTAyNDJhYzEyMDAwMiIsInByb2Nlc3NWZXJz
            aW9uIjozLCJyZWFzb25zIjoi5p2Q5paZ6b2Q5YWo77yM56ym5ZCI44CK6KGM5pS/6K645Y+v5rOV
            44CL56ys5LiJ5Y2B5Zub5p2h44CCIiwidGFza0lkIjoidGFzay03ZjNhIiwidiI6Mn0=
            """;
    static final String PAYLOAD_SM3 = "0x4c994407de8ed586dab460fce93fc516cb79766331b09bb808a1016fde2a2859";
    static final String APPLICANT = "{\"idNumber\":\"110101199001011234\",\"name\":\"张三\"}";
    static final String STEP_RESULT = "{\"outputs\":{\"eligible\":true},\"status\":1}";
    static final String PUBLIC_KEY = """
            -----BEGIN PUBLIC KEY-----
            MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAEAulAUChx7mTWuMxh2rcRg9cMDkFg
            JDdM6x1LNwYnmMK/9di23Ppr/xZftNUaPTl+4DFn7f0UEmy02iMTN+V7zg==
            -----END PUBLIC KEY-----
            """;
    static final String POINT = "0x0402e940502871ee64d6b8cc61dab71183d70c0e416024374ceb1d4b37062798c2bff5d8b6dcfa6bff16"
            + "5fb4d51a3d397ee03167edfd14126cb4da231337e57bce";
    static final String FINGERPRINT = "0xd6a019cba4806958cc49de411da7cc089263344f45285a6df1dc1d113f7f6975";
    static final String SIGNATURE = "MEUCIQCQLOutElBXAuYEqWxNLobIrUnRxwNPeWPSoRqA+TAj4wIgWXZfs+nEkmp1AOFOiAcaZPGjXOdQgR32rXapx8gvJO4=";

    @Test
    void theExampleCaseStateHasTheDocumentedBytesAndDigest() {
        assertThat(Payloads.caseState().canonicalText()).isEqualTo(CASE_STATE);
        assertThat(CASE_STATE.getBytes(UTF_8)).hasSize(551);
        assertThat(Payloads.caseState().sm3Hex()).isEqualTo(CASE_STATE_SM3).isEqualTo(Sm3.hex(CASE_STATE.getBytes(UTF_8)));
    }

    @Test
    void theExampleHashesAreWhatTheDocumentSaysTheyAreHashesOf() {
        assertThat(Sm3.hex(CanonicalJson.object(Map.of("name", "张三", "idNumber", "110101199001011234"))))
                .isEqualTo(Sm3.hex(APPLICANT.getBytes(UTF_8))).isEqualTo(Payloads.APPLICANT_HASH);
        assertThat(Sm3.hex(STEP_RESULT.getBytes(UTF_8))).isEqualTo(Payloads.RESULT_HASH);
    }

    @Test
    void theExamplePayloadHasTheDocumentedBytesBase64AndDigest() {
        byte[] bytes = Payloads.approval().canonicalBytes();

        assertThat(new String(bytes, UTF_8)).isEqualTo(PAYLOAD);
        assertThat(bytes).hasSize(563);
        assertThat(Base64.getMimeDecoder().decode(PAYLOAD_BASE64)).isEqualTo(bytes);
        assertThat(Payloads.approval().sm3Hex()).isEqualTo(PAYLOAD_SM3).isEqualTo(Sm3.hex(bytes));
        assertThat(DecisionPayload.parse(bytes)).isEqualTo(Payloads.approval());
    }

    @Test
    void theExampleKeyHasTheDocumentedPointAndFingerprint() {
        ApproverKey key = ApproverKey.fromPem(PUBLIC_KEY);

        assertThat(key.pointHex()).isEqualTo(POINT);
        assertThat(key.fingerprint()).isEqualTo(FINGERPRINT);
    }

    @Test
    void theExampleSignatureVerifiesOverTheExamplePayloadOnly() {
        ApproverKey key = ApproverKey.fromPem(PUBLIC_KEY);

        DecisionSignatureVerifier.verifySignature(key, Payloads.approval().canonicalBytes(), SIGNATURE);
        assertThatThrownBy(() -> DecisionSignatureVerifier.verifySignature(key,
                Payloads.withDecision(Payloads.approval(), Decision.REJECT).canonicalBytes(), SIGNATURE))
                .isInstanceOf(SignatureRejectedException.class);
    }

    @Test
    void theDocumentShowsExactlyTheseValues() throws IOException {
        String document = Files.readString(DOCUMENT, UTF_8);

        for (String value : List.of(CASE_STATE, CASE_STATE_SM3, PAYLOAD, PAYLOAD_BASE64, PAYLOAD_SM3, APPLICANT, STEP_RESULT,
                PUBLIC_KEY, POINT, FINGERPRINT, SIGNATURE, "551 canonical bytes", "563 canonical bytes")) {
            assertThat(document).as("docs/decision-payload.md shows %s", value).contains(value);
        }
    }
}
