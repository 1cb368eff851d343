package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.contracts.LicenseRegistryContract;
import org.approvalchain.engine.chain.Contracts;
import org.approvalchain.engine.crypto.CanonicalJson;
import org.approvalchain.engine.crypto.Sm3;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.Applicants;
import org.approvalchain.engine.support.BusinessRegistration;
import org.approvalchain.engine.support.SharedEngine;
import org.approvalchain.engine.support.Sm2DecisionSigner;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.web3j.utils.Numeric;

/**
 * Licence reuse (证照复用) over HTTP: a business licence issued by business-registration is the
 * applicant's licence (checked on chain), fills the operator name of a licence-application, and a
 * case that reuses it keeps its hash as a material the approver signs; a licence revoked, expired,
 * of another holder or of a type the form does not take is refused, naming the licence and why.
 */
@SharedEngine
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LicenceReuseIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Map<String, Object> HOLDER = Map.of("name", BusinessRegistration.APPLICANT_NAME,
            "idNumber", "110105199001011234");
    private static final long DAY = 86_400_000L;

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    Contracts contracts;

    private ApiClient applicant;
    private String businessLicence;

    @BeforeAll
    void theApplicantHoldsABusinessLicenceIssuedOnChain() {
        applicant = ApiClient.demoUser(base(), Applicants.ensure(identity, "reuse.applicant"));
        businessLicence = BusinessRegistration.approved(base(), applicant, WAIT);
    }

    @Test
    void myLicencesListsTheValidLicenceWithTheHashThePublicCheckGives() {
        JsonNode mine = mine(applicant, businessLicence);
        assertThat(mine.path("processKey").asText()).isEqualTo("business-registration");
        assertThat(mine.path("licence").path("standing").asText()).isEqualTo("VALID");
        assertThat(mine.path("licence").path("type").asText()).isEqualTo("营业执照 business licence");
        JsonNode checked = ApiClient.anonymous(base()).request("GET", "/api/public/licences/" + businessLicence, null).accepted();
        assertThat(mine.path("licence").path("hash").asText()).matches("0x[0-9a-f]{64}")
                .isEqualTo(checked.path("hash").asText());
        ApiClient other = ApiClient.demoUser(base(), Applicants.ensure(identity, "reuse.other"));
        assertThat(other.request("GET", "/api/me/licences", null).accepted().findValuesAsText("caseId"))
                .doesNotContain(businessLicence);
    }

    @Test
    void aLicenceRevokedOnChainIsNoLongerListedThoughTheEngineStillHoldsItsCase() {
        String caseId = notEligibleCase();
        issue(caseId, "营业执照 business licence", Instant.now().toEpochMilli() - DAY, Instant.now().toEpochMilli() + DAY);
        assertThat(applicant.request("GET", "/api/me/licences", null).accepted().findValuesAsText("caseId")).contains(caseId);
        revoke(caseId);
        assertThat(applicant.request("GET", "/api/me/licences", null).accepted().findValuesAsText("caseId"))
                .doesNotContain(caseId);
    }

    @Test
    void thePrefillFillsTheOperatorNameFromTheBusinessLicenceNamingItsNumberAndHash() {
        JsonNode prefill = applicant.request("GET", "/api/processes/licence-application/application-prefill", null).accepted();
        JsonNode field = StreamSupport.stream(prefill.path("fields").spliterator(), false)
                .filter(f -> f.path("name").asText().equals("enterpriseName")).findFirst().orElseThrow();
        assertThat(field.path("prefill").asText()).isEqualTo("营业执照:enterpriseName");
        JsonNode value = prefill.path("values").get(0);
        assertThat(value.path("field").asText()).isEqualTo("enterpriseName");
        assertThat(value.path("value").asText()).isEqualTo("北京网页测试科技有限公司");
        assertThat(value.path("licenceHash").asText()).isEqualTo(mine(applicant, value.path("licenceNumber").asText())
                .path("licence").path("hash").asText());
        assertThat(ApiClient.demoUser(base(), Applicants.ensure(identity, "reuse.other"))
                .request("GET", "/api/processes/licence-application/application-prefill", null).accepted().path("values"))
                .as("nobody else's licence fills another's form").isEmpty();
        applicant.request("GET", "/api/processes/no-such-process/application-prefill", null).refused(404, "API-404");
    }

    @Test
    void aCaseReusingTheLicenceKeepsItsHashAsAMaterialThatTheApproverSigns() {
        String hash = mine(applicant, businessLicence).path("licence").path("hash").asText();
        String caseId = applicant.request("POST", "/api/processes/licence-application/cases", Map.of(
                "application", Map.of("applicantAge", 30, "licenceType", "食品经营许可证", "enterpriseName", "北京网页测试科技有限公司"),
                "applicant", HOLDER, "reusedLicences", List.of(businessLicence))).accepted().path("caseId").asText();
        JsonNode variables = applicant.caseView(caseId).path("variables");
        assertThat(variables.path("reusedLicences").asText()).isEqualTo(businessLicence);
        assertThat(variables.path("materialHashes").asText()).isEqualTo(hash);

        ApiClient wangFang = ApiClient.demoUser(base(), "wang.fang");
        String taskId = wangFang.awaitOpenTask(caseId, "Activity_ReviewApplication", WAIT);
        assertThat(wangFang.decisionPayload(taskId, "APPROVE", "营业执照经链上核验")).contains("\"materialHashes\":[\"" + hash + "\"]");
        wangFang.decide(taskId, "APPROVE", "营业执照经链上核验", Sm2DecisionSigner.demoUser(SharedEngine.DATA_DIR, "wang.fang")::sign);
        applicant.awaitState(caseId, "COMPLETED", WAIT);
        JsonNode issued = ApiClient.anonymous(base()).request("GET", "/api/public/licences/" + caseId, null).accepted();
        assertThat(issued.path("standing").asText()).as("the food business licence it issued checks publicly").isEqualTo("VALID");
        assertThat(issued.path("type").asText()).isEqualTo("食品经营许可证");
    }

    @Test
    void aLicenceNotInForceNotTheApplicantsOrOfAnotherTypeIsRefusedNamingItAndWhy() {
        long now = Instant.now().toEpochMilli();
        String revoked = issue("REVOKED-" + UUID.randomUUID(), "营业执照 business licence", now - DAY, now + DAY);
        revoke(revoked);
        String expired = issue("EXPIRED-" + UUID.randomUUID(), "营业执照 business licence", now - 2 * DAY, now - DAY);
        String title = issue("TITLE-" + UUID.randomUUID(), "不动产权证书 title certificate", now - DAY, now + DAY);
        Map<String, String> reasons = Map.of(
                revoked, "licence " + revoked + " is revoked",
                expired, "licence " + expired + " is expired",
                title, "licence " + title + " is a '不动产权证书 title certificate', which this form takes from no licence",
                "NO-SUCH-LICENCE", "licence NO-SUCH-LICENCE was never issued");
        for (Map.Entry<String, String> reason : reasons.entrySet()) {
            JsonNode problem = startReusing(HOLDER, reason.getKey()).refused(400, "LICENCE-003");
            assertThat(problem.path("detail").asText()).contains(reason.getValue());
        }
        JsonNode anotherHolder = startReusing(Map.of("name", "李四", "idNumber", "110101198001010011"), businessLicence)
                .refused(400, "LICENCE-003");
        assertThat(anotherHolder.path("detail").asText()).contains("licence " + businessLicence + " is not held by this applicant");
        assertThat(anotherHolder.toString()).doesNotContain("Exception", "org.approvalchain");
    }

    private org.approvalchain.engine.support.Reply startReusing(Map<String, Object> holder, String licence) {
        return applicant.request("POST", "/api/processes/licence-application/cases", Map.of(
                "application", Map.of("applicantAge", 30, "licenceType", "食品经营许可证"),
                "applicant", holder, "reusedLicences", List.of(licence)));
    }

    /** A case of the applicant's that issues nothing (an applicant too young), whose id a licence is then issued under. */
    private String notEligibleCase() {
        String caseId = applicant.startCase("licence-application", Map.of("applicantAge", 12, "licenceType", "食品经营许可证"),
                HOLDER);
        applicant.awaitState(caseId, "COMPLETED", WAIT);
        return caseId;
    }

    private String issue(String number, String type, long validFrom, long validUntil) {
        LicenseRegistryContract registry = new LicenseRegistryContract(contracts.codec());
        contracts.send("test/licence/" + number, LicenseRegistryContract.NAME, registry.issue(number, type,
                Numeric.hexStringToByteArray(Sm3.hex(CanonicalJson.object(HOLDER))), validFrom, validUntil));
        return number;
    }

    private void revoke(String number) {
        contracts.send("test/licence/" + number + "/revoke", LicenseRegistryContract.NAME,
                new LicenseRegistryContract(contracts.codec()).revoke(number, "测试撤销"));
    }

    private static JsonNode mine(ApiClient user, String number) {
        return StreamSupport.stream(user.request("GET", "/api/me/licences", null).accepted().spliterator(), false)
                .filter(l -> l.path("caseId").asText().equals(number)).findFirst()
                .orElseThrow(() -> new AssertionError("licence " + number + " is not among the user's licences"));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
