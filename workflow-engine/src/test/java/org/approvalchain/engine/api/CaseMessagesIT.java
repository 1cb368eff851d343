package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.engine.process.CaseMessages;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.Applicants;
import org.approvalchain.engine.support.Reply;
import org.approvalchain.engine.support.SharedEngine;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * The applicant's messages into a running case through our REST API, on the test process
 * {@code case-messages}: corrected materials move a case waiting for them on to an officer, a
 * request for human review opens a manual review task with the applicant's reason; a message from
 * anyone else, to an unknown case, to a case not waiting for it, or with bad input is refused.
 */
@SharedEngine
class CaseMessagesIT {

    private static final String APPLICANT = "zhang.san";
    private static final String REVIEW_REASON = "资格自动判定有误：我的从业年限应为五年，请人工复核";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    RepositoryService repository;

    @Autowired
    HistoryService history;

    @Autowired
    TestRestTemplate http;

    /** An applicant of no group: neither an officer nor an administrator. */
    @BeforeEach
    void applicantHasAnAccount() {
        Applicants.ensure(identity, APPLICANT);
    }

    @Test
    void correctionsOverwriteTheApplicationAndMoveTheCaseOnToAnOfficer() {
        String caseId = startCase("corrections");

        JsonNode delivered = accepted(client(APPLICANT).request("POST", corrections(caseId), Map.of(
                "application", Map.of("floorArea", 120, "licenceType", "食品经营许可证"),
                "note", "已补充经营场所平面图")), HttpStatus.ACCEPTED);
        assertThat(delivered.get("caseId").asText()).isEqualTo(caseId);
        assertThat(delivered.get("message").asText()).isEqualTo(CaseMessages.CORRECTIONS_SUBMITTED);
        JsonNode opened = single(delivered.get("openedTasks"));
        assertThat(opened.get("activityId").asText()).isEqualTo("Activity_ReviewCorrections");
        assertThat(opened.get("candidateGroups")).extracting(JsonNode::asText).containsExactly("licensing-officers");

        JsonNode variables = client(APPLICANT).caseView(caseId).get("variables");
        assertThat(variables.get("floorArea").asLong()).isEqualTo(120);
        assertThat(variables.get("licenceType").asText()).isEqualTo("食品经营许可证");
        assertThat(variables.get("applicantAge").asLong()).isEqualTo(30);
        assertThat(variables.get(CaseMessages.CORRECTION_NOTE).asText()).isEqualTo("已补充经营场所平面图");
        assertThat(variables.get(CaseMessages.CORRECTIONS_SUBMITTED_BY).asText()).isEqualTo(APPLICANT);
        assertThat(client("wang.fang").myTasks().toString()).contains(opened.get("taskId").asText());

        assertRefused(client(APPLICANT).submitCorrections(caseId, Map.of("floorArea", 130)),
                HttpStatus.CONFLICT, "case " + caseId + " is not waiting for corrections");
        assertRefused(client(APPLICANT).requestReview(caseId, REVIEW_REASON),
                HttpStatus.CONFLICT, "case " + caseId + " has no automated result open for human review");
    }

    @Test
    void aReviewRequestOpensAManualReviewTaskAndKeepsTheApplicantsReason() {
        String caseId = startCase("automated");

        JsonNode delivered = accepted(client(APPLICANT).requestReview(caseId, REVIEW_REASON),
                HttpStatus.CREATED);
        assertThat(delivered.get("message").asText()).isEqualTo(CaseMessages.REVIEW_REQUESTED);
        JsonNode review = single(delivered.get("openedTasks"));
        assertThat(review.get("activityId").asText()).isEqualTo("Activity_HumanReview");
        assertThat(review.get("name").asText()).isEqualTo("Review the automated result");
        assertThat(review.get("candidateGroups")).extracting(JsonNode::asText).containsExactly("licensing-officers");
        assertThat(client("li.na").myTasks().toString()).contains(review.get("taskId").asText());

        JsonNode view = client(APPLICANT).caseView(caseId);
        assertThat(view.get("openTasks")).extracting(t -> t.get("taskId").asText()).containsExactly(review.get("taskId").asText());
        JsonNode variables = view.get("variables");
        assertThat(variables.get(CaseMessages.REVIEW_REQUEST_REASON).asText()).isEqualTo(REVIEW_REASON);
        assertThat(variables.get(CaseMessages.REVIEW_REQUESTED_BY).asText()).isEqualTo(APPLICANT);
        assertThat(variables.get(CaseMessages.REVIEW_REQUESTED_AT).asLong()).isPositive();

        assertRefused(client(APPLICANT).requestReview(caseId, "再次申请"),
                HttpStatus.CONFLICT, "case " + caseId + " has no automated result open for human review");
        assertRefused(client(APPLICANT).submitCorrections(caseId, Map.of("floorArea", 90)),
                HttpStatus.CONFLICT, "case " + caseId + " is not waiting for corrections");
    }

    @Test
    void onlyTheApplicantOrAnAdministratorMaySendMessagesIntoTheCase() {
        String caseId = startCase("automated");

        assertRefused(client("wang.fang").requestReview(caseId, REVIEW_REASON),
                HttpStatus.FORBIDDEN, "only the applicant who started case " + caseId);
        assertRefused(client("wang.fang").submitCorrections(caseId, Map.of("floorArea", 1)),
                HttpStatus.FORBIDDEN, "user wang.fang did not start it");
        assertThat(client(APPLICANT).caseView(caseId).get("openTasks")).isEmpty();

        JsonNode delivered = accepted(client("demo").requestReview(caseId, "申请人电话请求，由管理员代为提交"),
                HttpStatus.CREATED);
        assertThat(single(delivered.get("openedTasks")).get("activityId").asText()).isEqualTo("Activity_HumanReview");
        assertThat(client(APPLICANT).caseView(caseId).get("variables").get(CaseMessages.REVIEW_REQUESTED_BY).asText())
                .isEqualTo("demo");
    }

    @Test
    void unknownCasesAndBadInputAreRefusedWithTheirReason() {
        assertRefused(client(APPLICANT).submitCorrections("no-such-case", Map.of()),
                HttpStatus.NOT_FOUND, "no case no-such-case");
        assertRefused(client(APPLICANT).requestReview("no-such-case", REVIEW_REASON),
                HttpStatus.NOT_FOUND, "no case no-such-case");

        String caseId = startCase("corrections");
        assertRefused(client(APPLICANT).requestReview(caseId, "  "),
                HttpStatus.BAD_REQUEST, "reason: must not be blank");
        assertRefused(client(APPLICANT).request("POST", reviewRequests(caseId), Map.of()),
                HttpStatus.BAD_REQUEST, "reason: must not be blank");
        assertRefused(client(APPLICANT).requestReview(caseId, "长".repeat(2001)),
                HttpStatus.BAD_REQUEST, "reason: size must be between 0 and 2000");
        assertRefused(client(APPLICANT).request("POST", corrections(caseId), Map.of("note", "忘了材料")),
                HttpStatus.BAD_REQUEST, "application: must not be null");
        assertRefused(client(APPLICANT).submitCorrections(caseId, Map.of("address", Map.of("city", "北京"))),
                HttpStatus.BAD_REQUEST, "application field 'address'");
        assertRefused(client(APPLICANT).submitCorrections(caseId, Map.of("initiator", APPLICANT)),
                HttpStatus.BAD_REQUEST, "application field 'initiator'");
        assertThat(client(APPLICANT).caseView(caseId).get("openTasks")).isEmpty();

        assertThat(http.getForObject("/v3/api-docs", String.class)).contains("/api/cases/{caseId}/corrections")
                .contains("/api/cases/{caseId}/review-requests");
    }

    @Test
    void aCaseNotWaitingNeverStartsAProcessThatAMessageOfTheSameNameStarts() {
        repository.createDeployment().name("review-requested-start").addModelInstance("review-requested-start.bpmn",
                Bpmn.createExecutableProcess("review-requested-start").startEvent("StartEvent_ReviewRequested")
                        .message(CaseMessages.REVIEW_REQUESTED).endEvent("EndEvent_Done").done()).deploy();
        String caseId = startCase("corrections");

        assertRefused(client(APPLICANT).requestReview(caseId, REVIEW_REASON),
                HttpStatus.CONFLICT, "case " + caseId + " has no automated result open for human review");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId).count()).isEqualTo(1);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("review-requested-start").count()).isZero();
    }

    @Test
    void messagesRequireAuthentication() {
        String caseId = startCase("automated");
        assertThat(http.postForEntity(reviewRequests(caseId), Map.of("reason", REVIEW_REASON), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // a wrong password locks a Camunda user for a few seconds, so it is tried on a user that does not exist
        assertRefused(ApiClient.of(baseUrl(), "ghost", "wrong").submitCorrections(caseId, Map.of()),
                HttpStatus.UNAUTHORIZED, "Authentication required");
        assertThat(client(APPLICANT).caseView(caseId).get("openTasks")).isEmpty();
    }

    // --- the client side ---

    private String startCase(String route) {
        return client(APPLICANT).startCase("case-messages",
                Map.of("route", route, "applicantAge", 30, "licenceType", "餐饮服务许可证", "floorArea", 80),
                Map.of("name", "张三", "idNumber", "110101199001011234"));
    }

    /** Logged in as {@code user}, whose password (demo users and the test's applicant alike) is the user id. */
    private ApiClient client(String user) {
        return ApiClient.demoUser(baseUrl(), user);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private static String corrections(String caseId) {
        return "/api/cases/" + caseId + "/corrections";
    }

    private static String reviewRequests(String caseId) {
        return "/api/cases/" + caseId + "/review-requests";
    }

    private static JsonNode single(JsonNode array) {
        assertThat(array).as("%s", array).hasSize(1);
        return array.get(0);
    }

    private static JsonNode accepted(Reply reply, HttpStatus status) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status.value());
        return reply.body();
    }

    private static void assertRefused(Reply reply, HttpStatus status, String detail) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status.value());
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.text()).contains(detail).doesNotContain("\tat org.");
    }
}
