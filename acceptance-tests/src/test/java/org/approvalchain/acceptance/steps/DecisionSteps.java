package org.approvalchain.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.approvalchain.acceptance.RunningEngine;
import org.approvalchain.acceptance.client.ApproverKey;
import org.approvalchain.acceptance.client.DecisionHash;

/**
 * An approver's client deciding the review task: fetch the payload, sign it with the approver's own
 * key on the client, submit it; and the engine's receipt or refusal.
 */
public class DecisionSteps {

    private final CaseUnderReview kase;

    public DecisionSteps(CaseUnderReview kase) {
        this.kase = kase;
    }

    /** "li.na's key": a demo approver's key; "a key nobody registered": a key made on the client just now. */
    @ParameterType("[a-z]+\\.[a-z]+'s key|a key nobody registered")
    public ApproverKey key(String text) {
        return text.endsWith("'s key")
                ? RunningEngine.get().keyOf(text.substring(0, text.length() - "'s key".length()))
                : ApproverKey.unregistered();
    }

    @Given("{word} approves it with the reasons {string} signed with her/his own key")
    public void approves(String approver, String reasons) {
        signs(approver, reasons);
        submit(approver);
        kase.receipt = kase.lastReply.accepted();
    }

    @When("{word} submits her/his approval without a signature")
    public void submitsUnsigned(String approver) {
        kase.payload = payload(approver, "材料齐全");
        kase.signature = "";
        submit(approver);
    }

    @When("{word} submits her/his approval signed with {key}")
    public void submitsSignedWith(String approver, ApproverKey key) {
        kase.payload = payload(approver, "材料齐全");
        kase.signature = key.sign(kase.payload);
        submit(approver);
    }

    @When("{word} signs her/his approval with the reasons {string}")
    public void signs(String approver, String reasons) {
        kase.payload = payload(approver, reasons);
        kase.signature = RunningEngine.get().keyOf(approver).sign(kase.payload);
    }

    @When("the reasons are changed to {string} after she/he signed")
    public void theReasonsAreChanged(String reasons) {
        String changed = kase.payload.replaceFirst("\"reasons\":\"[^\"]*\"", "\"reasons\":\"" + reasons + "\"");
        assertThat(changed).isNotEqualTo(kase.payload);
        kase.payload = changed;
    }

    @When("the changed decision is submitted")
    @When("the same signed decision is submitted again")
    public void theDecisionIsSubmitted() {
        submit(CaseUnderReview.OFFICER);
    }

    @When("{word} asks for the payload to approve the review task")
    public void asksForThePayload(String user) {
        kase.lastReply = CaseUnderReview.as(user).askDecisionPayload(kase.reviewTaskId, "APPROVE", "");
    }

    @When("{word} submits {word}'s approval payload signed with her/his own key")
    public void submitsSomeoneElsesPayload(String user, String officer) {
        kase.payload = payload(officer, "材料齐全");
        kase.signature = RunningEngine.get().keyOf(user).sign(kase.payload);
        submit(user);
    }

    @Then("the decision is refused with status {int} and the reason {string}")
    public void theDecisionIsRefused(int status, String reason) {
        assertThat(kase.lastReply.status()).as("status of %s", kase.lastReply.text()).isEqualTo(status);
        assertThat(kase.lastReply.reason()).contains(reason);
    }

    /** A client retrying after a network error gets what the first submission got (docs/engine.md, "Retries"). */
    @Then("the engine answers {int} with the receipt it gave the first time")
    public void answersTheFirstReceipt(int status) {
        assertThat(kase.lastReply.status()).as("status of %s", kase.lastReply.text()).isEqualTo(status);
        assertThat(kase.lastReply.body()).isEqualTo(kase.receipt);
    }

    @Then("the decision receipt names {word}, {word} and the SM3 hash of the payload she/he signed")
    public void theReceiptNames(String approver, String decision) {
        JsonNode receipt = kase.receipt;
        assertThat(receipt.path("caseId").asText()).isEqualTo(kase.caseId);
        assertThat(receipt.path("taskId").asText()).isEqualTo(kase.reviewTaskId);
        assertThat(receipt.path("approverId").asText()).isEqualTo(approver);
        assertThat(receipt.path("decision").asText()).isEqualTo(decision);
        assertThat(receipt.path("payloadSm3").asText()).isEqualTo(DecisionHash.of(kase.payload));
    }

    private String payload(String approver, String reasons) {
        return CaseUnderReview.as(approver).decisionPayload(kase.reviewTaskId, "APPROVE", reasons);
    }

    private void submit(String user) {
        kase.lastReply = CaseUnderReview.as(user).submitDecision(kase.reviewTaskId, kase.payload, kase.signature);
    }
}
