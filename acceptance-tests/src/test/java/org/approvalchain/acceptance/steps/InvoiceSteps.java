package org.approvalchain.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.approvalchain.acceptance.RunningEngine;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.Reply;

/**
 * Steps of the e-invoice processes: several cases of one scenario by name (two companies claiming
 * one invoice), a step the chain refused with its reason, and the public invoice check by number
 * and file hash, asked without logging in.
 */
public class InvoiceSteps {

    private final CaseUnderReview kase;
    private final ChainEvidence chain;
    private final Map<String, String[]> named = new HashMap<>();

    public InvoiceSteps(CaseUnderReview kase, ChainEvidence chain) {
        this.kase = kase;
        this.chain = chain;
    }

    @Given("this is the case of {string}")
    public void nameTheCase(String name) {
        named.put(name, new String[] {kase.caseId, kase.reviewTaskId});
    }

    @When("we turn to the case of {string}")
    public void turnTo(String name) {
        assertThat(named).as("cases named so far").containsKey(name);
        kase.caseId = named.get(name)[0];
        kase.reviewTaskId = named.get(name)[1];
    }

    @Then("the step {string} was refused by the chain with the reason {string}")
    public void refusedByTheChain(String activityId, String reason) {
        List<JsonNode> steps = kase.await("a step " + activityId,
                view -> Optional.of(CaseUnderReview.steps(view, activityId)).filter(found -> !found.isEmpty()));
        JsonNode step = steps.get(steps.size() - 1);
        assertThat(step.path("callStatus").asInt(0)).as("%s receipt status", activityId).isNotZero();
        assertThat(step.path("revertReason").asText()).isEqualTo(reason);
        chain.assertStepOnChain(step);
    }

    @Then("the step {string} was refused by the chain: {word} already reimbursed by {string} in the case of {string}")
    public void refusedAsReimbursed(String activityId, String which, String reimbursedBy, String caseName) {
        assertThat(named).as("cases named so far").containsKey(caseName);
        refusedByTheChain(activityId, "InvoiceRegistry: " + which + " already reimbursed by " + reimbursedBy
                + " in case " + named.get(caseName)[0]);
    }

    @Then("anyone checking the invoice {string} with the file hash {string} finds it {word}")
    public void publicCheck(String number, String hash, String state) {
        assertThat(found(number, hash).path("state").asText()).isEqualTo(state);
    }

    @Then("anyone checking the invoice {string} with the file hash {string} finds it REIMBURSED by {string}")
    public void publicCheckReimbursed(String number, String hash, String reimbursedBy) {
        JsonNode invoice = found(number, hash);
        assertThat(List.of(invoice.path("state").asText(), invoice.path("reimbursedBy").asText()))
                .containsExactly("REIMBURSED", reimbursedBy);
    }

    @Then("anyone checking the invoice {string} with the file hash {string} finds it reversed by {string}")
    public void publicCheckReversed(String number, String hash, String redLetterNo) {
        JsonNode invoice = found(number, hash);
        assertThat(List.of(invoice.path("state").asText(), invoice.path("linkedNo").asText()))
                .containsExactly("REVERSED", redLetterNo);
    }

    @Then("anyone checking the invoice {string} with the file hash {string} finds no such invoice")
    public void publicCheckFindsNothing(String number, String hash) {
        check(number, hash).refused(404, "INVOICE-001");
    }

    /** The public check's answer, which never carries the buyer's hash. */
    private static JsonNode found(String number, String hash) {
        JsonNode invoice = check(number, hash).accepted();
        assertThat(invoice.has("buyerHash")).isFalse();
        return invoice;
    }

    private static Reply check(String number, String hash) {
        return ApiClient.anonymous(RunningEngine.get().baseUrl()).request("GET", "/api/public/invoices/"
                + URLEncoder.encode(number, StandardCharsets.UTF_8) + "?hash=" + hash, null);
    }
}
