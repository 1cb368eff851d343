package org.approvalchain.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.approvalchain.acceptance.RunningEngine;
import org.approvalchain.engine.support.Reply;

/**
 * Authorised proxy handling (授权代办) as the applicant's and the agent's clients do it: the applicant
 * builds the authorisation document (canonical JSON, docs/proxy-authorisation.md) and signs it with
 * their own key on the client; the agent acts with {@code onBehalfOf}; the applicant reads the acts.
 */
public class ProxySteps {

    private final CaseUnderReview kase;
    private final ChainEvidence chain;
    private String authorisationId;

    public ProxySteps(CaseUnderReview kase, ChainEvidence chain) {
        this.kase = kase;
        this.chain = chain;
    }

    @Given("{word} authorises {word} to handle {string} for {int} days, signed with his/her own key")
    public void authorises(String principal, String agent, String service, int days) {
        String document = document(principal, agent, service, days);
        this.authorisationId = grant(principal, document, RunningEngine.get().keyOf(principal).sign(document)).accepted()
                .path("id").asText();
    }

    @When("{word} sends an authorisation of {word} for {string} signed with his/her own key")
    public void sendsForSomeoneElse(String sender, String principal, String service) {
        String document = document(principal, sender, service, 30);
        kase.lastReply = grant(sender, document, RunningEngine.get().keyOf(sender).sign(document));
    }

    @When("{word} sends an authorisation for {string} signed with {word}'s key")
    public void sendsSignedWithAnotherKey(String principal, String service, String keyHolder) {
        String document = document(principal, keyHolder, service, 30);
        kase.lastReply = grant(principal, document, RunningEngine.get().keyOf(keyHolder).sign(document));
    }

    @When("{word} submits a {string} application on behalf of {word}:")
    @Given("{word} has submitted a {string} application on behalf of {word}:")
    public void submitsOnBehalf(String agent, String processKey, String principal, Map<String, String> fields) {
        kase.lastReply = CaseUnderReview.as(agent).request("POST", "/api/processes/" + processKey + "/cases", Map.of(
                "application", ReferenceProcessSteps.typed(fields), "applicant", Map.of("name", "张伟"), "onBehalfOf", principal));
        if (kase.lastReply.ok()) {
            kase.caseId = kase.lastReply.body().path("caseId").asText();
            kase.reader = "chen.jie"; // a registration officer: the agent's reads would be recorded as acts
            kase.applicantName = "张伟";
        }
    }

    @When("{word} submits the corrections on behalf of {word}:")
    public void correctsOnBehalf(String agent, String principal, Map<String, String> fields) {
        kase.lastReply = CaseUnderReview.as(agent).submitCorrections(kase.caseId, ReferenceProcessSteps.typed(fields));
    }

    @Then("the request is refused with code {string} and the reason {string}")
    public void refused(String code, String reason) {
        JsonNode problem = kase.lastReply.refused(kase.lastReply.status(), code);
        assertThat(kase.lastReply.status()).isBetween(400, 499);
        assertThat(problem.path("detail").asText()).contains(reason);
    }

    @Then("the case is {word}'s, started by {word} under the authorisation")
    public void theCaseIsThePrincipals(String principal, String agent) {
        JsonNode variables = CaseUnderReview.as(agent).caseView(kase.caseId).path("variables");
        assertThat(variables.path("initiator").asText()).isEqualTo(principal);
        assertThat(variables.path("proxyAgent").asText()).isEqualTo(agent);
        assertThat(variables.path("proxyAuthorisation").asText()).isEqualTo(authorisationId);
    }

    @Then("{word} reads the case as its applicant")
    public void readsAsApplicant(String principal) {
        assertThat(CaseUnderReview.as(principal).caseView(kase.caseId).path("caseId").asText()).isEqualTo(kase.caseId);
        assertThat(CaseUnderReview.as(principal).request("GET", "/api/cases/" + kase.caseId + "/personal-data", null)
                .accepted().toString()).contains("张伟");
    }

    @Then("{word} sees that {word} acted in his/her name: {string}, {string}, {string}, each in a transaction on chain")
    public void seesTheActs(String principal, String agent, String first, String second, String third) {
        JsonNode acts = CaseUnderReview.as(principal).request("GET", "/api/authorisations/" + authorisationId + "/actions", null)
                .accepted();
        assertThat(acts).extracting(a -> a.path("action").asText()).containsExactly(first, second, third);
        for (JsonNode act : acts) {
            assertThat(act.path("agent").asText()).isEqualTo(agent);
            assertThat(act.path("caseId").asText()).isEqualTo(kase.caseId);
            chain.assertInBlock("the act '" + act.path("action").asText() + "'", act.path("transactionHash").asText(),
                    act.path("blockNumber").asLong());
        }
    }

    @When("{word} revokes every authorisation he/she gave {word}, signed with his/her own key")
    public void revokesEvery(String principal, String agent) {
        JsonNode mine = CaseUnderReview.as(principal).request("GET", "/api/authorisations", null).accepted();
        List<String> given = StreamSupport.stream(mine.spliterator(), false)
                .filter(a -> a.path("principal").asText().equals(principal) && a.path("agent").asText().equals(agent)
                        && !a.path("standing").asText().equals("REVOKED"))
                .map(a -> a.path("id").asText()).toList();
        assertThat(given).contains(authorisationId);
        for (String id : given) {
            String revocation = "{\"authorisation\":\"" + id + "\",\"nonce\":\"" + UUID.randomUUID() + "\",\"principal\":\""
                    + principal + "\",\"purpose\":\"approvalchain:proxy-revocation\",\"v\":1}";
            CaseUnderReview.as(principal).request("POST", "/api/authorisations/" + id + "/revocation", Map.of("document",
                    revocation, "signature", RunningEngine.get().keyOf(principal).sign(revocation))).accepted();
        }
    }

    @Then("{word} may not read the case: the chain says {string}")
    public void mayNotRead(String agent, String reason) {
        Reply read = CaseUnderReview.as(agent).request("GET", "/api/cases/" + kase.caseId, null);
        assertThat(read.refused(403, "PROXY-003").path("detail").asText()).contains(reason);
    }

    private static Reply grant(String user, String document, String signature) {
        return CaseUnderReview.as(user).request("POST", "/api/authorisations", Map.of("document", document, "signature", signature));
    }

    /** The canonical authorisation document (RFC 8785: members sorted, no whitespace), from now for {@code days} days. */
    private static String document(String principal, String agent, String service, int days) {
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        return "{\"agent\":\"" + agent + "\",\"nonce\":\"" + UUID.randomUUID() + "\",\"principal\":\"" + principal
                + "\",\"purpose\":\"approvalchain:proxy-authorisation\",\"services\":[\"" + service + "\"],\"v\":1,"
                + "\"validFrom\":\"" + from.toString().replace("Z", ".000Z") + "\",\"validUntil\":\""
                + from.plus(days, ChronoUnit.DAYS).toString().replace("Z", ".000Z") + "\"}";
    }
}
