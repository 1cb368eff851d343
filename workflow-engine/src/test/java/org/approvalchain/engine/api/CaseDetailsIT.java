package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.Applicants;
import org.approvalchain.engine.support.BusinessRegistration;
import org.approvalchain.engine.support.Reply;
import org.approvalchain.engine.support.SharedEngine;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The APIs of the case page, the admin pages and the public licence check: a business-registration
 * case decided to its end (diagram, path, decisions, the licence it issued), a real-estate case's
 * materials checked against DocumentEvidence, who may read what, and a licence check without login
 * that shows no personal data.
 */
@SharedEngine
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseDetailsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcTemplate jdbc;

    private ApiClient applicant;
    private String caseId;

    @BeforeAll
    void aBusinessRegistrationCaseIsApprovedAndItsLicenceIssued() {
        applicant = ApiClient.demoUser(base(), Applicants.ensure(identity, "details.applicant"));
        caseId = BusinessRegistration.approved(base(), applicant, WAIT);
    }

    @Test
    void theDiagramIsTheProcessVersionsBpmnWithThePathTheCaseTook() {
        JsonNode diagram = ApiClient.demoUser(base(), "chen.jie").request("GET", "/api/cases/" + caseId + "/diagram", null)
                .accepted();
        assertThat(diagram.path("bpmnXml").asText()).contains("<bpmn:process id=\"business-registration\"");
        List<String> path = StreamSupport.stream(diagram.path("path").spliterator(), false)
                .map(v -> v.path("activityId").asText()).toList();
        assertThat(path).containsSubsequence("StartEvent_Submitted", "Activity_OfficerReview", "Activity_IssueLicence",
                "Activity_RegisterName");
        assertThat(path).doesNotContain("Activity_SupervisorReview");
        assertThat(diagram.path("path").findValues("current")).as("an ended case is at no step")
                .allMatch(c -> !c.asBoolean());

        String open = BusinessRegistration.atTheOfficersReview(applicant, WAIT);
        JsonNode waiting = applicant.request("GET", "/api/cases/" + open + "/diagram", null).accepted();
        assertThat(StreamSupport.stream(waiting.path("path").spliterator(), false)
                .filter(v -> v.path("current").asBoolean()).map(v -> v.path("activityId").asText()))
                .as("the officer's step, in its review stage").containsExactlyInAnyOrder("Activity_Review", "Activity_OfficerReview");
    }

    @Test
    void theDecisionsAreListedWithTheirApproverReasonsAndTransaction() {
        JsonNode decisions = applicant.request("GET", "/api/cases/" + caseId + "/decisions", null).accepted();
        assertThat(decisions).hasSize(1);
        JsonNode decision = decisions.get(0);
        assertThat(decision.path("approverId").asText()).isEqualTo("chen.jie");
        assertThat(decision.path("approverName").asText()).startsWith("陈杰");
        assertThat(decision.path("decision").asText()).isEqualTo("APPROVE");
        assertThat(decision.path("reasons").asText()).isEqualTo("材料齐全，名称可用");
        assertThat(decision.path("state").asText()).isEqualTo("RECORDED");
        assertThat(decision.has("payload")).as("the page needs no signed payload").isFalse();
        JsonNode block = ApiClient.demoUser(base(), "chen.jie").block(decision.path("decisionBlock").asLong());
        assertThat(block.toString()).contains(decision.path("decisionTxHash").asText());
    }

    @Test
    void aRealEstateCasesMaterialsAreShownWithTheirHashesAndWhetherTheChainHoldsThem() {
        ApiClient seller = ApiClient.demoUser(base(), Applicants.ensure(identity, "details.seller"));
        String estate = seller.startCase("real-estate-transfer", Map.of("propertyCertificateNo", "京(2025)朝阳区不动产权第0012345号",
                "sellerRef", "S-110105-0001", "buyerRef", "B-" + UUID.randomUUID(), "taxVoucherNo", "DT-2025-110105-0000123"),
                Map.of("name", "李卖方"));
        seller.awaitOpenTask(estate, "Activity_RegistrarReview", WAIT);
        JsonNode materials = ApiClient.demoUser(base(), "liu.yang").request("GET", "/api/cases/" + estate + "/materials", null)
                .accepted();
        assertThat(materials.findValuesAsText("documentType")).containsExactlyInAnyOrder("property-title", "deed-tax-paid");
        for (JsonNode material : materials) {
            JsonNode check = material.path("check");
            assertThat(check.path("documentHash").asText()).matches("0x[0-9a-f]{64}");
            assertThat(check.path("validWhenChecked").asBoolean()).isTrue();
            assertThat(check.path("anchored").asBoolean()).isTrue();
            assertThat(check.path("revoked").asBoolean()).isFalse();
            assertThat(seller.block(check.path("checkBlock").asLong()).toString()).contains(check.path("checkTxHash").asText());
        }
        JsonNode name = applicant.request("GET", "/api/cases/" + caseId + "/materials", null).accepted().get(0).path("check");
        assertThat(name.path("documentType").asText()).isEqualTo("enterprise-name");
        assertThat(name.path("validWhenChecked").asBoolean()).as("no identical name was registered when checked").isFalse();
        assertThat(name.path("anchored").asBoolean()).as("the approved case registered it since").isTrue();
    }

    @Test
    void aUserTheCaseDoesNotInvolveGetsForbiddenOnEachDetail() {
        ApiClient liuYang = ApiClient.demoUser(base(), "liu.yang");
        for (String detail : List.of("diagram", "materials", "decisions")) {
            Reply reply = liuYang.request("GET", "/api/cases/" + caseId + "/" + detail, null);
            assertThat(reply.status()).as(detail).isEqualTo(403);
            assertThat(reply.text()).doesNotContain("北京网页测试科技有限公司", "chen.jie");
        }
        assertThat(liuYang.request("GET", "/api/cases/no-such-case/diagram", null).status()).isEqualTo(404);
    }

    @Test
    void anyoneChecksTheIssuedLicenceWithoutLoggingInAndSeesNoPersonalData() throws Exception {
        HttpResponse<String> response = anonymousGet("/api/public/licences/" + caseId);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode licence = JSON.readTree(response.body());
        assertThat(licence.path("number").asText()).isEqualTo(caseId);
        assertThat(licence.path("standing").asText()).isEqualTo("VALID");
        assertThat(licence.path("type").asText()).isEqualTo("营业执照 business licence");
        assertThat(Instant.parse(licence.path("validUntil").asText())).isAfter(Instant.now().plus(Duration.ofDays(365 * 19)));
        assertThat(licence.path("issuer").asText()).startsWith("0x");
        String steps = applicant.caseView(caseId).path("steps").toString();
        assertThat(response.body()).doesNotContain(BusinessRegistration.APPLICANT_NAME, "110105199001011234", "holder",
                "applicant", "details.applicant");
        JsonNode block = applicant.block(licence.path("issuedInBlock").asLong());
        assertThat(block.toString()).contains(licence.path("issueTxHash").asText());
        assertThat(steps).as("the licence's tx is the case's issue step").contains(licence.path("issueTxHash").asText());
    }

    @Test
    void anUnknownOrMalformedLicenceNumberIsAClear4xxWithoutInternals() throws Exception {
        HttpResponse<String> unknown = anonymousGet("/api/public/licences/NO-SUCH-LICENCE");
        assertThat(unknown.statusCode()).isEqualTo(404);
        JsonNode problem = JSON.readTree(unknown.body());
        assertThat(problem.path("code").asText()).isEqualTo("LICENCE-001");
        assertThat(problem.path("detail").asText()).isEqualTo("LICENCE-001 no licence with number NO-SUCH-LICENCE was issued");
        HttpResponse<String> tooLong = anonymousGet("/api/public/licences/" + "9".repeat(101));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tooLong.body()).path("code").asText()).isEqualTo("LICENCE-002");
        for (HttpResponse<String> r : List.of(unknown, tooLong)) {
            assertThat(r.body()).doesNotContain("Exception", "org.approvalchain", "at org.");
        }
        assertThat(anonymousGet("/api/cases/" + caseId).statusCode()).as("only the licence check is public").isEqualTo(401);
    }

    @Test
    void aMalformedOrUnknownInvoiceCheckIsAClear4xxWithoutInternals() throws Exception {
        String hash = "0x" + "ab".repeat(32);
        Map<String, String> refusals = Map.of(
                "/api/public/invoices/26442000000000009999?hash=" + hash, "404 INVOICE-001",
                "/api/public/invoices/26442000000000009999?hash=0x1234", "400 INVOICE-002",
                "/api/public/invoices/" + "9".repeat(101) + "?hash=" + hash, "400 INVOICE-002",
                "/api/public/invoices/26442000000000009999", "400 API-400");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            HttpResponse<String> response = anonymousGet(refusal.getKey());
            assertThat(response.statusCode() + " " + JSON.readTree(response.body()).path("code").asText())
                    .as(refusal.getKey()).isEqualTo(refusal.getValue());
            assertThat(response.body()).doesNotContain("Exception", "org.approvalchain", "at org.");
        }
    }

    @Test
    void administratorsListApproversWaitingDecisionsAndIncidentsAndNobodyElseDoes() {
        ApiClient chenJie = ApiClient.demoUser(base(), "chen.jie");
        for (String path : List.of("/api/admin/approvers", "/api/admin/decisions/waiting", "/api/admin/incidents",
                "/api/admin/key-enrolments?state=REQUESTED")) {
            assertThat(chenJie.request("GET", path, null).status()).as(path).isEqualTo(403);
        }
        ApiClient admin = ApiClient.of(base(), "demo", "demo");
        JsonNode approvers = admin.request("GET", "/api/admin/approvers", null).accepted();
        JsonNode chen = StreamSupport.stream(approvers.spliterator(), false)
                .filter(a -> a.path("userId").asText().equals("chen.jie")).findFirst().orElseThrow();
        assertThat(chen.path("displayName").asText()).startsWith("陈杰");
        assertThat(chen.path("groups").toString()).contains("registration-officers");
        assertThat(approvers.toString()).as("not a task group's member").doesNotContain("\"demo\"");
        assertThat(admin.request("GET", "/api/admin/incidents", null).accepted().isArray()).isTrue();

        String taskId = "waiting-" + UUID.randomUUID();
        jdbc.update("INSERT INTO ac_decision (task_id, case_id, activity_id, approver_id, decision, reasons, payload, "
                + "payload_sm3, signature_b64, public_key_hex, state, signed_at) VALUES (?, 'case-waiting', 'Activity_X', "
                + "'chen.jie', 'APPROVE', 'r', '{}', 'x', 'x', 'x', 'SIGNED', ?)", taskId, Timestamp.from(Instant.now()));
        try {
            JsonNode waiting = admin.request("GET", "/api/admin/decisions/waiting", null).accepted();
            assertThat(waiting.findValuesAsText("taskId")).contains(taskId);
            assertThat(waiting.findValuesAsText("taskId")).as("a recorded decision is not waiting")
                    .doesNotContain(applicant.request("GET", "/api/cases/" + caseId + "/decisions", null).accepted()
                            .get(0).path("taskId").asText());
        } finally {
            jdbc.update("DELETE FROM ac_decision WHERE task_id = ?", taskId);
        }
    }

    private HttpResponse<String> anonymousGet(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
