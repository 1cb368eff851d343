package org.approvalchain.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.approvalchain.acceptance.RunningEngine;
import org.approvalchain.engine.support.ApiClient;

/**
 * Licence check and reuse (证照核验与复用): the public check of the licence a case issued, the
 * applicant's licences as the chain holds them, an application filled from them, and a case that
 * reuses a licence as its material.
 */
public class LicenceReuseSteps {

    private final CaseUnderReview kase;
    /** The licence the scenario reuses: the case that issued it. */
    private String licence;
    private JsonNode prefill;

    public LicenceReuseSteps(CaseUnderReview kase) {
        this.kase = kase;
    }

    @Then("anyone verifies the case's licence publicly as a valid {string}")
    public void anyoneVerifiesTheLicence(String type) {
        JsonNode checked = ApiClient.anonymous(RunningEngine.get().baseUrl()).request("GET", "/api/public/licences/" + kase.caseId, null)
                .accepted();
        assertThat(checked.path("standing").asText()).isEqualTo("VALID");
        assertThat(checked.path("type").asText()).isEqualTo(type);
        assertThat(checked.path("hash").asText()).matches("0x[0-9a-f]{64}");
        assertThat(checked.toString()).as("no holder in a public check").doesNotContain(kase.applicantName, "holder");
        licence = kase.caseId;
    }

    @Then("{word}'s licences include the case's licence, valid on chain")
    public void theLicencesIncludeIt(String user) {
        assertThat(held(user).path("licence").path("standing").asText()).isEqualTo("VALID");
    }

    @When("{word} fills a {string} application from her/his licences")
    public void fillsFromLicences(String user, String processKey) {
        prefill = CaseUnderReview.as(user).request("GET", "/api/processes/" + processKey + "/application-prefill", null)
                .accepted();
    }

    @Then("the field {string} is filled with {string} from the case's licence")
    public void theFieldIsFilled(String field, String value) {
        JsonNode filled = StreamSupport.stream(prefill.path("values").spliterator(), false)
                .filter(v -> v.path("field").asText().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError(field + " is not filled: " + prefill));
        assertThat(filled.path("value").asText()).isEqualTo(value);
        assertThat(filled.path("licenceNumber").asText()).isEqualTo(licence);
        assertThat(filled.path("licenceHash").asText()).isEqualTo(held(CaseUnderReview.OFFICER).path("licence").path("hash").asText());
    }

    @When("{word} submits the filled application of {word}, aged {int}, for a {string} reusing the licence")
    public void submitsReusing(String user, String applicantName, int age, String licenceType) {
        kase.lastReply = CaseUnderReview.as(user).request("POST", "/api/processes/licence-application/cases", Map.of(
                "application", Map.of("applicantAge", age, "licenceType", licenceType,
                        "enterpriseName", prefill.path("values").get(0).path("value").asText()),
                "applicant", Map.of("name", applicantName), "reusedLicences", List.of(licence)));
        if (kase.lastReply.status() == 201) {
            kase.caseId = kase.lastReply.body().path("caseId").asText();
            kase.applicantName = applicantName;
        }
    }

    @Then("the new case keeps the licence's hash as its material")
    public void theCaseKeepsTheHash() {
        JsonNode variables = kase.view().path("variables");
        assertThat(variables.path("reusedLicences").asText()).isEqualTo(licence);
        assertThat(variables.path("materialHashes").asText()).isEqualTo(licenceHash());
    }

    @Then("the payload she/he signed binds the licence's hash")
    public void thePayloadBindsTheHash() {
        assertThat(kase.payload).contains("\"materialHashes\":[\"" + licenceHash() + "\"]");
    }

    @Then("the start is refused with {word}, naming the licence and {string}")
    public void theStartIsRefused(String code, String reason) {
        JsonNode problem = kase.lastReply.refused(400, code);
        assertThat(problem.path("detail").asText()).contains("licence " + licence + " " + reason);
    }

    private String licenceHash() {
        return ApiClient.anonymous(RunningEngine.get().baseUrl()).request("GET", "/api/public/licences/" + licence, null).accepted()
                .path("hash").asText();
    }

    private JsonNode held(String user) {
        return StreamSupport.stream(CaseUnderReview.as(user).request("GET", "/api/me/licences", null).accepted()
                        .spliterator(), false)
                .filter(l -> l.path("caseId").asText().equals(licence)).findFirst()
                .orElseThrow(() -> new AssertionError("licence " + licence + " is not among " + user + "'s licences"));
    }
}
