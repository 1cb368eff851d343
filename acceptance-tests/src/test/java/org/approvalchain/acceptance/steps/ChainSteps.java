package org.approvalchain.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;

/** The chain evidence of a case and of a decision, checked against the blocks themselves. */
public class ChainSteps {

    private final CaseUnderReview kase;
    private final ChainEvidence chain;

    public ChainSteps(CaseUnderReview kase, ChainEvidence chain) {
        this.kase = kase;
        this.chain = chain;
    }

    @Then("the decision and its step are in the blocks the receipt names")
    public void theDecisionIsOnChain() {
        JsonNode receipt = kase.receipt;
        chain.assertInBlock("the decision in DecisionRegistry", receipt.path("decisionTxHash").asText(),
                receipt.path("decisionBlock").asLong());
        chain.assertInBlock("the review step in CaseLedger", receipt.path("stepTxHash").asText(),
                receipt.path("stepBlock").asLong());
    }

    @Then("the case records {int} steps, each with its transaction in the block the case names")
    public void everyStepIsOnChain(int count) {
        JsonNode steps = kase.awaitEnd().path("steps");
        assertThat(steps).hasSize(count);
        steps.forEach(chain::assertStepOnChain);
    }

    /**
     * Each step's transactions, as the chain explorer reads them from the blocks (a legal reviewer's
     * view), were sent by the account the chain knows as the named department's.
     */
    @Then("every step of the case was sent on chain by the account of {string}")
    public void everyStepWasSentByTheDepartment(String department) {
        JsonNode steps = kase.awaitEnd().path("steps");
        assertThat(steps).isNotEmpty();
        for (JsonNode step : steps) {
            for (String tx : List.of(step.path("stepTxHash").asText(), step.path("callTxHash").asText())) {
                JsonNode sent = CaseUnderReview.as("zheng.lu").request("GET", "/api/chain/transactions/" + tx, null).accepted();
                assertThat(sent.path("department").path("name").asText())
                        .as("the department that sent %s of %s", tx, step.path("activityId").asText()).isEqualTo(department);
            }
        }
    }

    @Then("the review step is the one in the decision receipt, taken by {word}")
    public void theReviewStepIsTheDecision(String approver) {
        JsonNode step = CaseUnderReview.step(kase.view(), CaseUnderReview.REVIEW).orElseThrow();
        assertThat(step.path("kind").asText()).isEqualTo("MANUAL");
        assertThat(step.path("actor").asText()).isEqualTo(approver);
        assertThat(step.path("stepTxHash").asText()).isEqualTo(kase.receipt.path("stepTxHash").asText());
        assertThat(step.path("stepBlock").asLong()).isEqualTo(kase.receipt.path("stepBlock").asLong());
    }

    @Then("the case records the review decision exactly once")
    public void theDecisionIsRecordedOnce() {
        kase.awaitStep(CaseUnderReview.ISSUE);
        List<JsonNode> reviews = CaseUnderReview.steps(kase.view(), CaseUnderReview.REVIEW);
        assertThat(reviews).hasSize(1);
        assertThat(reviews.get(0).path("stepTxHash").asText()).isEqualTo(kase.receipt.path("stepTxHash").asText());
    }
}
