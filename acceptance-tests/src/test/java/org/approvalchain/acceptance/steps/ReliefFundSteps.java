package org.approvalchain.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/**
 * Relief funds (救助资金监管): the second level of sign-off seeing the first, the tranches the chain
 * paid or refused, and the supervisor who reads every case and raises queries but decides nothing.
 */
public class ReliefFundSteps {

    private static final String TRANCHE = "Activity_DisburseTranche";

    private final CaseUnderReview kase;
    private final ChainEvidence chain;

    public ReliefFundSteps(CaseUnderReview kase, ChainEvidence chain) {
        this.kase = kase;
        this.chain = chain;
    }

    /**
     * The head of department sees the officer's decision twice: in the case's signed decisions (who,
     * what, why) and in the case state of the payload they are about to sign, which lists the
     * officer's decision as a step whose result is the hash of the payload the officer signed.
     */
    @Then("{word} sees {word}'s decision {word} with the reasons {string} before signing her/his own")
    public void seesTheFirstDecision(String head, String officer, String decision, String reasons) {
        JsonNode decisions = CaseUnderReview.as(head).request("GET", "/api/cases/" + kase.caseId + "/decisions", null).accepted();
        assertThat(decisions).anySatisfy(d -> {
            assertThat(d.path("approverId").asText()).isEqualTo(officer);
            assertThat(d.path("decision").asText()).isEqualTo(decision);
            assertThat(d.path("reasons").asText()).isEqualTo(reasons);
            assertThat(d.path("state").asText()).isEqualTo("RECORDED");
        });
        JsonNode caseState = CaseUnderReview.as(head).askDecisionPayload(kase.reviewTaskId, "APPROVE", "").accepted()
                .path("caseState");
        assertThat(caseState.path("steps")).as("the steps in the case state %s signs", head).anySatisfy(step -> {
            assertThat(step.path("kind").asText()).isEqualTo("MANUAL");
            assertThat(step.path("resultHash").asText()).isEqualTo(kase.receipt.path("payloadSm3").asText());
        });
    }

    @Then("the chain paid {int} tranche(s), {long} yuan in all, each in the block the case names")
    public void theChainPaid(int tranches, long total) {
        List<JsonNode> paid = tranches().stream().filter(step -> step.path("callStatus").asInt(-1) == 0).toList();
        assertThat(paid).hasSize(tranches);
        paid.forEach(chain::assertStepOnChain);
        assertThat(paid.get(paid.size() - 1).path("resultJson").asText()).contains("\"totalDisbursed\":" + total);
    }

    @Then("the chain refused tranche {int} with the reason {string}")
    public void theChainRefused(int tranche, String reason) {
        List<JsonNode> all = tranches();
        assertThat(all).hasSizeGreaterThanOrEqualTo(tranche);
        JsonNode refused = all.get(tranche - 1);
        assertThat(refused.path("callStatus").asInt(0)).as("receipt status of tranche %s", tranche).isNotZero();
        assertThat(refused.path("revertReason").asText()).isEqualTo(reason);
        chain.assertStepOnChain(refused);
    }

    @When("{word} raises the query {string}")
    public void raisesAQuery(String supervisor, String reason) {
        kase.lastReply = CaseUnderReview.as(supervisor).request("POST", "/api/cases/" + kase.caseId + "/supervision-queries",
                Map.of("reason", reason));
    }

    @Then("{word} finds the case and reads its tranches but not the applicant's personal data")
    public void readsTheCase(String supervisor) {
        JsonNode found = CaseUnderReview.as(supervisor).request("GET", "/api/cases?processKey=relief-fund&caseId="
                + kase.caseId, null).accepted();
        assertThat(found).extracting(c -> c.path("caseId").asText()).containsExactly(kase.caseId);
        JsonNode view = CaseUnderReview.as(supervisor).caseView(kase.caseId);
        assertThat(CaseUnderReview.steps(view, TRANCHE)).isNotEmpty();
        assertThat(CaseUnderReview.as(supervisor).request("GET", "/api/cases/" + kase.caseId + "/personal-data", null)
                .status()).isEqualTo(403);
    }

    @Then("{word} may not decide the review task")
    public void mayNotDecide(String supervisor) {
        assertThat(CaseUnderReview.as(supervisor).askDecisionPayload(kase.reviewTaskId, "APPROVE", "").ok())
                .as("%s asking for a payload to sign", supervisor).isFalse();
    }

    @Then("the case shows the query of {word} with the reason {string}")
    public void theQueryIsKept(String supervisor, String reason) {
        JsonNode variables = kase.view().path("variables");
        assertThat(variables.path("supervisionQueryBy").asText()).isEqualTo(supervisor);
        assertThat(variables.path("supervisionQueryReason").asText()).isEqualTo(reason);
    }

    private List<JsonNode> tranches() {
        return kase.await("a step " + TRANCHE, view -> Optional.of(CaseUnderReview.steps(view, TRANCHE))
                .filter(found -> !found.isEmpty()));
    }
}
