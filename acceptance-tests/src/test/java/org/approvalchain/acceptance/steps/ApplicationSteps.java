package org.approvalchain.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import org.approvalchain.acceptance.RunningEngine;

/** Applications received, the eligibility rule's verdict, and how the case ends. */
public class ApplicationSteps {

    private final CaseUnderReview kase;
    private final ChainEvidence chain;

    public ApplicationSteps(CaseUnderReview kase, ChainEvidence chain) {
        this.kase = kase;
        this.chain = chain;
    }

    @Given("the ApprovalChain engine is running with its demo users")
    public void theEngineIsRunning() {
        JsonNode health = RunningEngine.get().as("demo").health();
        assertThat(health.path("status").asText()).as("health: %s", health).isEqualTo("UP");
    }

    @Given("{word} has received an application of {word}, aged {int}, for a {string}")
    public void anApplicationIsReceived(String officer, String applicantName, int age, String licenceType) {
        kase.applicantName = applicantName;
        kase.applicantIdNumber = "11010120080101" + String.format("%04d", age); // a made-up resident ID number
        kase.caseId = CaseUnderReview.as(officer).startCase(CaseUnderReview.PROCESS,
                Map.of("applicantAge", age, "licenceType", licenceType),
                Map.of("name", applicantName, "idNumber", kase.applicantIdNumber));
    }

    @Then("the eligibility rule finds the application eligible")
    public void theApplicationIsEligible() {
        theEligibilityStepShows("true");
    }

    @Then("the application waits for review by the licensing officers")
    public void theApplicationWaitsForReview() {
        JsonNode task = kase.awaitTask(CaseUnderReview.REVIEW, any -> true);
        assertThat(task.path("candidateGroups").toString()).contains("licensing-officers");
        kase.reviewTaskId = task.path("taskId").asText();
    }

    @Then("the eligibility step shows eligible = {word} with its transaction on chain")
    public void theEligibilityStepShows(String eligible) {
        assertThat(eligible).isIn("true", "false");
        JsonNode step = kase.awaitStep(CaseUnderReview.ELIGIBILITY);
        assertThat(step.path("contract").asText()).isEqualTo("EligibilityRule");
        assertThat(step.path("function").asText()).isEqualTo("evaluate");
        assertThat(step.path("resultJson").asText()).contains("\"eligible\":" + eligible);
        chain.assertStepOnChain(step);
    }

    @Then("the case ends without a review task")
    public void theCaseEndsWithoutReview() {
        JsonNode view = kase.awaitEnd();
        assertThat(view.path("openTasks")).isEmpty();
        assertThat(CaseUnderReview.step(view, CaseUnderReview.REVIEW)).isEmpty();
        assertThat(view.path("variables").path("eligible").asBoolean(true)).isFalse();
    }

    @Then("the case ends with the licence issued by LicenseRegistry.issue")
    public void theLicenceIsIssued() {
        JsonNode view = kase.awaitEnd();
        JsonNode issue = CaseUnderReview.step(view, CaseUnderReview.ISSUE).orElseThrow(
                () -> new AssertionError("no licence issue step in " + view));
        assertThat(issue.path("contract").asText()).isEqualTo("LicenseRegistry");
        assertThat(issue.path("function").asText()).isEqualTo("issue");
        assertThat(issue.path("callStatus").asInt(-1)).as("the call's receipt status").isZero();
        assertThat(issue.path("revertReason").textValue()).as("revert reason").isNull();
    }

    @Then("the case shows nothing of {word}'s personal data")
    public void noPersonalData(String applicantName) {
        JsonNode view = kase.view();
        assertThat(view.path("variables").has("applicant")).isFalse();
        assertThat(view.toString()).doesNotContain(applicantName).doesNotContain(kase.applicantIdNumber);
    }
}
