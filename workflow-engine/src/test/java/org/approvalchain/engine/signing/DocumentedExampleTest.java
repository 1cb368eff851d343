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
            + "\"0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"],\"processDefinitionId\":\"BusinessLicence\","
            + "\"processVersion\":3,\"reasons\":\"材料齐全，符合《行政许可法》第三十四条。\",\"taskId\":\"task-7f3a\",\"v\":2}";
    static final String PAYLOAD_BASE64 = """
            eyJhY3Rpdml0eUlkIjoiQWN0aXZpdHlfUmV2aWV3TWF0ZXJpYWxzIiwiY2FzZUlkIjoiY2FzZS0y
            MDI1LTAwMDEiLCJjYXNlU3RhdGUiOiIweDNmNjUwYWZmN2IzMThiYzg3NjYyZGQ3N2I4MjZiMjI2
            NmM5OTIyZmJhYjhlYzk5MTI0MTIyOWJlMDMwMTIwOTQiLCJkZWNpc2lvbiI6IkFQUFJPVkUiLCJp
            c3N1ZWRBdCI6IjIwMjUtMDMtMDFUMDg6MzA6MDAuMDAwWiIsIm1hdGVyaWFsSGFzaGVzIjpbIjB4
            MGIwYjBiMGIwYjBiMGIwYjBiMGIwYjBiMGIwYjBiMGIwYjBiMGIwYjBiMGIwYjBiMGIwYjBiMGIw
            YjBiMGIwYiIsIjB4YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFh
            YWFhYWFhYWFhYWFhYWFhYWFhYSJdLCJwcm9jZXNzRGVmaW5pdGlvbklkIjoiQnVzaW5lc3NMaWNl
            bmNlIiwicHJvY2Vzc1ZlcnNpb24iOjMsInJlYXNvbnMiOiLmnZDmlpnpvZDlhajvvIznrKblkIjj
            gIrooYzmlL/orrjlj6/ms5XjgIvnrKzkuInljYHlm5vmnaHjgIIiLCJ0YXNrSWQiOiJ0YXNrLTdm
            M2EiLCJ2IjoyfQ==
            """;
    static final String PAYLOAD_SM3 = "0xcb74498446d3b2ad7873c06196cd323c173adefa8697fb4373604f93806d3442";
    static final String APPLICANT = "{\"idNumber\":\"110101199001011234\",\"name\":\"张三\"}";
    static final String STEP_RESULT = "{\"outputs\":{\"eligible\":true},\"status\":1}";
    static final String PUBLIC_KEY = """
            -----BEGIN PUBLIC KEY-----
            MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAE5xbujF9YsrN1Gk7P/yB3Z9Y75HOF
            Oq14AC+AWxBNX9io6pV91OItQ9KKDSBYpF7WYckhWnMFP0kXJtp8sIID1Q==
            -----END PUBLIC KEY-----
            """;
    static final String POINT = "0x04e716ee8c5f58b2b3751a4ecfff207767d63be473853aad78002f805b104d5fd8a8ea957dd4e22d43d2"
            + "8a0d2058a45ed661c9215a73053f491726da7cb08203d5";
    static final String FINGERPRINT = "0xb56dcf238352a7d24aaa5470adc1eaffb62ec8191d93d24a9b521d7995f6d877";
    static final String SIGNATURE = "MEYCIQDHXyWJjGwujWQeMMsrTkpALSiYJKRLO4+kDd0EwacDnQIhAIZabUnV9x6HQxfPt1c07q7w5L7vmLfxP1zf4gRNnKDw";

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
        assertThat(bytes).hasSize(523);
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
                PUBLIC_KEY, POINT, FINGERPRINT, SIGNATURE, "551 canonical bytes", "523 canonical bytes")) {
            assertThat(document).as("docs/decision-payload.md shows %s", value).contains(value);
        }
    }
}
