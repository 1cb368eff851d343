package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.Applicants;
import org.approvalchain.engine.support.Reply;
import org.approvalchain.engine.support.SharedEngine;
import org.approvalchain.engine.support.Sm2DecisionSigner;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Authorised proxy handling (授权代办) over HTTP: an applicant signs an authorisation with their own
 * enrolled key (built here as any client builds it, not by the engine's code), the agent huang.lei
 * starts and follows a case of the test process {@code case-messages} on their behalf, and every
 * action is checked against the chain at that moment: none, out of scope, not yet valid, expired
 * and revoked are refused with the reason; the applicant sees every action taken in their name.
 * Each test has a principal of its own, so no other authorisation can stand in for the one tested.
 */
@SharedEngine
class ProxyAuthorisationIT {

    private static final String AGENT = "huang.lei";
    private static final String SERVICE = "case-messages";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Test
    void theAgentStartsAndFollowsACaseForTheApplicantWhoSeesEveryActionTakenInTheirName() {
        Principal principal = principal();
        JsonNode granted = principal.grant(AGENT, SERVICE, Instant.now().minusSeconds(60), Instant.now().plus(30, ChronoUnit.DAYS))
                .accepted();
        String id = granted.get("id").asText();
        assertThat(id).matches("0x[0-9a-f]{64}");
        assertThat(granted.get("standing").asText()).isEqualTo("VALID");
        assertThat(granted.get("grantTransaction").asText()).startsWith("0x");
        assertThat(client(AGENT).request("GET", "/api/authorisations", null).accepted().toString()).contains(id);

        String caseId = agentStarts(principal.user, "automated").accepted().get("caseId").asText();
        JsonNode view = client(AGENT).caseView(caseId);
        assertThat(view.get("variables").get("proxyAgent").asText()).isEqualTo(AGENT);
        assertThat(view.get("variables").get("proxyAuthorisation").asText()).isEqualTo(id);
        assertThat(view.get("variables").get("initiator").asText()).isEqualTo(principal.user);
        assertThat(principal.client.caseView(caseId).get("caseId").asText()).isEqualTo(caseId);
        client(AGENT).requestReview(caseId, "自动判定有误，请人工复核").accepted();
        assertThat(client(AGENT).caseView(caseId).get("variables").get("reviewRequestedBy").asText()).isEqualTo(AGENT);
        JsonNode listed = client(AGENT).request("GET", "/api/cases?caseId=" + caseId, null).accepted();
        assertThat(listed.toString()).contains("\"onBehalfOf\":\"" + principal.user + "\"");

        JsonNode actions = principal.client.request("GET", "/api/authorisations/" + id + "/actions", null).accepted();
        assertThat(actions).extracting(a -> a.get("action").asText())
                .containsExactly("start", "read the case", "send 'review-requested'", "read the case");
        for (JsonNode action : actions) {
            assertThat(action.get("agent").asText()).isEqualTo(AGENT);
            assertThat(action.get("caseId").asText()).isEqualTo(caseId);
            assertThat(action.get("service").asText()).isEqualTo(SERVICE);
            assertThat(action.get("transactionHash").asText()).matches("0x[0-9a-f]{64}");
            assertThat(action.get("blockNumber").asLong()).isPositive();
            assertThat(Instant.parse(action.get("at").asText())).isAfter(Instant.now().minusSeconds(300));
        }
        assertThat(client(AGENT).request("GET", "/api/authorisations/" + id + "/actions", null).accepted()).hasSize(4);

        String stranger = Applicants.ensure(identity, "proxy.stranger");
        client(stranger).request("GET", "/api/cases/" + caseId, null).refused(403, "API-403");
        client(stranger).request("GET", "/api/authorisations/" + id + "/actions", null).refused(404, "PROXY-009");
        assertThat(client(stranger).request("GET", "/api/authorisations", null).accepted().toString()).doesNotContain(id);
    }

    @Test
    void anAuthorisationNotSignedByTheApplicantsOwnKeyIsRefused() {
        Principal principal = principal();
        Instant from = Instant.now().minusSeconds(60);
        Instant until = Instant.now().plus(1, ChronoUnit.DAYS);
        String document = document(principal.user, AGENT, SERVICE, from, until);

        Reply forged = principal.client.request("POST", "/api/authorisations",
                Map.of("document", document, "signature", Sm2DecisionSigner.generate().sign(document)));
        assertThat(forged.refused(400, "PROXY-006").get("detail").asText()).contains("DOES_NOT_VERIFY");
        principal.client.request("POST", "/api/authorisations", Map.of("document", document.replace(SERVICE, "business-registration"),
                "signature", principal.key.sign(document))).refused(400, "PROXY-006");
        principal.client.request("POST", "/api/authorisations", Map.of("document", document.replace(",", ", "),
                "signature", principal.key.sign(document.replace(",", ", ")))).refused(400, "PROXY-005");
        String forSomeoneElse = document("zhang.wei", AGENT, SERVICE, from, until);
        principal.client.request("POST", "/api/authorisations", Map.of("document", forSomeoneElse,
                "signature", principal.key.sign(forSomeoneElse))).refused(403, "PROXY-007");
        String keyless = Applicants.ensure(identity, "proxy.keyless");
        String keylessDocument = document(keyless, AGENT, SERVICE, from, until);
        assertThat(client(keyless).request("POST", "/api/authorisations", Map.of("document", keylessDocument,
                "signature", principal.key.sign(keylessDocument))).refused(400, "PROXY-006").get("detail").asText())
                .contains("NO_KEY_REGISTERED");
        String noSuchService = document(principal.user, AGENT, "no-such-service", from, until);
        assertThat(principal.client.request("POST", "/api/authorisations", Map.of("document", noSuchService,
                "signature", principal.key.sign(noSuchService))).refused(400, "PROXY-005").get("detail").asText())
                .contains("service 'no-such-service' is no process of this engine");
        String expired = document(principal.user, AGENT, SERVICE, from.minusSeconds(600), from);
        principal.client.request("POST", "/api/authorisations", Map.of("document", expired,
                "signature", principal.key.sign(expired))).refused(400, "PROXY-005");

        assertThat(principal.client.request("GET", "/api/authorisations", null).accepted()).isEmpty();
        agentStarts(principal.user, "automated").refused(403, "PROXY-001");

        principal.client.request("POST", "/api/authorisations", Map.of("document", document,
                "signature", principal.key.sign(document))).accepted();
        principal.client.request("POST", "/api/authorisations", Map.of("document", document,
                "signature", principal.key.sign(document))).accepted();
        assertThat(principal.client.request("GET", "/api/authorisations", null).accepted()).hasSize(1);
    }

    @Test
    void outOfScopeNotYetValidExpiredAndRevokedAreRefusedWithTheReason() throws InterruptedException {
        Principal principal = principal();
        Instant now = Instant.now();
        principal.grant(AGENT, "business-registration", now.minusSeconds(60), now.plus(1, ChronoUnit.DAYS)).accepted();
        assertThat(agentStarts(principal.user, "automated").refused(403, "PROXY-004").get("detail").asText())
                .contains("service out of scope");

        Principal later = principal();
        later.grant(AGENT, SERVICE, now.plus(1, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS)).accepted();
        assertThat(agentStarts(later.user, "automated").refused(403, "PROXY-002").get("detail").asText())
                .contains("authorisation not yet valid");

        Principal brief = principal();
        Instant briefUntil = Instant.now().plusSeconds(8);
        brief.grant(AGENT, SERVICE, now.minusSeconds(60), briefUntil).accepted();
        String briefCase = agentStarts(brief.user, "corrections").accepted().get("caseId").asText();
        Thread.sleep(Math.max(0, Instant.now().until(briefUntil.plusSeconds(2), ChronoUnit.MILLIS)));
        assertThat(client(AGENT).request("GET", "/api/cases/" + briefCase, null).refused(403, "PROXY-002")
                .get("detail").asText()).contains("authorisation expired");
        client(AGENT).submitCorrections(briefCase, Map.of("floorArea", 120)).refused(403, "PROXY-002");
        assertThat(client(AGENT).request("GET", "/api/cases?caseId=" + briefCase, null).accepted()).isEmpty();
        assertThat(brief.client.caseView(briefCase).get("caseId").asText()).isEqualTo(briefCase);

        Principal revoking = principal();
        String id = revoking.grant(AGENT, SERVICE, now.minusSeconds(60), now.plus(1, ChronoUnit.DAYS)).accepted()
                .get("id").asText();
        String caseId = agentStarts(revoking.user, "corrections").accepted().get("caseId").asText();
        client(AGENT).submitCorrections(caseId, Map.of("floorArea", 120)).accepted();
        String revocation = revocation(id, revoking.user);
        client(AGENT).request("POST", "/api/authorisations/" + id + "/revocation",
                Map.of("document", revocation, "signature", revoking.key.sign(revocation))).refused(403, "PROXY-007");
        JsonNode revoked = revoking.client.request("POST", "/api/authorisations/" + id + "/revocation",
                Map.of("document", revocation, "signature", revoking.key.sign(revocation))).accepted();
        assertThat(revoked.get("standing").asText()).isEqualTo("REVOKED");
        assertThat(client(AGENT).request("GET", "/api/cases/" + caseId, null).refused(403, "PROXY-003")
                .get("detail").asText()).contains("authorisation revoked");
        agentStarts(revoking.user, "automated").refused(403, "PROXY-003");
        String again = revocation(id, revoking.user);
        revoking.client.request("POST", "/api/authorisations/" + id + "/revocation",
                Map.of("document", again, "signature", revoking.key.sign(again))).refused(409, "PROXY-008");
        assertThat(revoking.client.request("GET", "/api/authorisations/" + id + "/actions", null).accepted())
                .extracting(a -> a.get("action").asText()).containsExactly("start", "send 'corrections-submitted'");
    }

    // --- the client side ---

    /** An applicant of their own with a new SM2 key, enrolled and approved by the two demo administrators. */
    private Principal principal() {
        String user = Applicants.ensure(identity, "proxy.p" + UUID.randomUUID().toString().substring(0, 8));
        Sm2DecisionSigner key = Sm2DecisionSigner.generate();
        ApiClient client = client(user);
        client.ensureKey(key.publicKeyPem(), key::sign, client("demo"), client("he.ping"));
        return new Principal(user, key, client);
    }

    private record Principal(String user, Sm2DecisionSigner key, ApiClient client) {
        Reply grant(String agent, String services, Instant from, Instant until) {
            String document = document(user, agent, services, from, until);
            return client.request("POST", "/api/authorisations", Map.of("document", document, "signature", key.sign(document)));
        }
    }

    /** The canonical authorisation document (RFC 8785: members sorted, no whitespace), as docs/proxy-authorisation.md gives it. */
    private static String document(String principal, String agent, String service, Instant from, Instant until) {
        return "{\"agent\":\"" + agent + "\",\"nonce\":\"" + UUID.randomUUID() + "\",\"principal\":\"" + principal
                + "\",\"purpose\":\"approvalchain:proxy-authorisation\",\"services\":[\"" + service + "\"],\"v\":1,"
                + "\"validFrom\":\"" + millis(from) + "\",\"validUntil\":\"" + millis(until) + "\"}";
    }

    private static String revocation(String id, String principal) {
        return "{\"authorisation\":\"" + id + "\",\"nonce\":\"" + UUID.randomUUID() + "\",\"principal\":\"" + principal
                + "\",\"purpose\":\"approvalchain:proxy-revocation\",\"v\":1}";
    }

    private static String millis(Instant time) {
        String text = time.truncatedTo(ChronoUnit.MILLIS).toString();
        return text.contains(".") ? text : text.replace("Z", ".000Z");
    }

    private Reply agentStarts(String principal, String route) {
        return client(AGENT).request("POST", "/api/processes/" + SERVICE + "/cases", Map.of("application",
                Map.of("route", route, "applicantAge", 30, "licenceType", "餐饮服务许可证", "floorArea", 80),
                "applicant", Map.of("name", "张伟"), "onBehalfOf", principal));
    }

    private ApiClient client(String user) {
        return ApiClient.demoUser("http://127.0.0.1:" + port, user);
    }
}
