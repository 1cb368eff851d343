package org.approvalchain.engine.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.approvalchain.engine.audit.CaseVerifier;
import org.approvalchain.engine.ledger.LedgerUnavailableException;
import org.approvalchain.engine.process.CaseAccess;
import org.approvalchain.engine.process.CaseException;
import org.approvalchain.engine.process.CaseMessages;
import org.approvalchain.engine.process.CaseView;
import org.approvalchain.engine.process.Cases;
import org.approvalchain.engine.process.AgentStarts;
import org.approvalchain.engine.process.IdempotentStarts;
import org.approvalchain.engine.proxy.ProxyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the web edge itself does for cases: the caller as the case's initiator, statuses for a
 * start, corrections and a review request, bodies validated, and an unknown or not-waiting case
 * or an unreachable chain as problem details. The capabilities are mocked; cases on a real engine
 * are {@code CaseMessagesIT} and the acceptance tests.
 */
@WebEdgeTest
@WithMockUser("zhang.san")
class CasesControllerTest {

    @Autowired
    MockMvc http;

    @Autowired
    Cases cases;

    @Autowired
    IdempotentStarts starts;

    @Autowired
    CaseMessages messages;

    @Autowired
    CaseVerifier verifier;

    @Autowired
    AgentStarts agentStarts;

    @Autowired
    CaseAccess access;

    @Test
    void startsACaseForTheAuthenticatedApplicant() throws Exception {
        given(starts.start("business-registration", Map.of("tradeName", "星河"), Map.of(), List.of(), "zhang.san", null, Map.of()))
                .willReturn(new IdempotentStarts.StartedCase("case-1", false));

        http.perform(post("/api/processes/business-registration/cases").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"application\": {\"tradeName\": \"星河\"}}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/cases/case-1"))
                .andExpect(jsonPath("$.caseId").value("case-1"));
    }

    @Test
    void anAgentStartsACaseOnBehalfOfTheApplicantOrIsRefusedWithTheChainsReason() throws Exception {
        given(agentStarts.start("business-registration", Map.of("tradeName", "星河"), Map.of(), List.of(), "zhang.san", "zhang.wei", null))
                .willReturn(new IdempotentStarts.StartedCase("case-2", false));
        http.perform(post("/api/processes/business-registration/cases").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"application\": {\"tradeName\": \"星河\"}, \"onBehalfOf\": \"zhang.wei\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.caseId").value("case-2"));

        given(agentStarts.start("business-registration", Map.of("tradeName", "星河"), Map.of(), List.of(), "zhang.san", "li.si", null))
                .willThrow(new ProxyException(ProxyException.Kind.FORBIDDEN,
                        "PROXY-003 the chain refuses zhang.san acting for li.si in 'business-registration': authorisation revoked"));
        http.perform(post("/api/processes/business-registration/cases").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"application\": {\"tradeName\": \"星河\"}, \"onBehalfOf\": \"li.si\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("PROXY-003"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("authorisation revoked")));
    }

    @Test
    void answersTheCaseAnIdempotencyKeyOpenedBefore() throws Exception {
        given(starts.start("business-registration", Map.of("tradeName", "星河"), Map.of(), List.of(), "zhang.san", "start-7", Map.of()))
                .willReturn(new IdempotentStarts.StartedCase("case-1", true));

        http.perform(post("/api/processes/business-registration/cases").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", "start-7").content("{\"application\": {\"tradeName\": \"星河\"}}"))
                .andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.caseId").value("case-1"));
    }

    @Test
    void namesTheMissingApplicationOfACase() throws Exception {
        http.perform(post("/api/processes/business-registration/cases").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"applicant\": {\"name\": \"张三\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("application: must not be null"));
        verifyNoInteractions(starts);
    }

    @Test
    void refusesACaseToAUserItDoesNotInvolve() throws Exception {
        given(cases.read("case-1", "chen.jie"))
                .willThrow(new CaseException(CaseException.Kind.FORBIDDEN, "user chen.jie is not involved in case case-1"));

        http.perform(get("/api/cases/case-1").with(user("chen.jie")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("user chen.jie is not involved in case case-1"));
    }

    @Test
    void answersNotFoundForAnUnknownCase() throws Exception {
        given(cases.read("case-unknown", "zhang.san")).willThrow(new CaseException(CaseException.Kind.NOT_FOUND, "no case case-unknown"));

        http.perform(get("/api/cases/case-unknown"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("no case case-unknown"));
    }

    @Test
    void acceptsCorrectionsWithTheTasksTheyOpened() throws Exception {
        given(messages.submitCorrections("case-1", Map.of("materialsSubmitted", 5), "all five now", "zhang.san"))
                .willReturn(new CaseMessages.Delivered("case-1", CaseMessages.CORRECTIONS_SUBMITTED, List.of(
                        new CaseView.OpenTask("task-2", "Activity_OfficerReview", "登记员审查", List.of("registration-officers"),
                                "3 working days", Instant.parse("2026-10-09T16:00:00Z")))));

        http.perform(post("/api/cases/case-1/corrections").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"application\": {\"materialsSubmitted\": 5}, \"note\": \"all five now\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.openedTasks[0].activityId").value("Activity_OfficerReview"))
                .andExpect(jsonPath("$.openedTasks[0].deadline").value("2026-10-09T16:00:00Z"));
    }

    @Test
    void answersConflictForCorrectionsToACaseNotWaitingForThem() throws Exception {
        given(messages.submitCorrections(any(), any(), any(), any()))
                .willThrow(new CaseException(CaseException.Kind.CONFLICT, "case case-1 is not waiting for corrections"));

        http.perform(post("/api/cases/case-1/corrections").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"application\": {}}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("case case-1 is not waiting for corrections"));
    }

    @Test
    void namesTheBlankReasonOfAReviewRequest() throws Exception {
        http.perform(post("/api/cases/case-1/review-requests").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("reason: must not be blank"));
        verifyNoInteractions(messages);
    }

    @Test
    void answersForbiddenWhenSomeoneElseAsksForAReview() throws Exception {
        given(messages.requestReview("case-1", "tax paid", "zhang.san")).willThrow(new CaseException(
                CaseException.Kind.FORBIDDEN, "only the applicant who started case case-1 may send 'review-requested'"));

        http.perform(post("/api/cases/case-1/review-requests").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"tax paid\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("only the applicant who started case case-1 may send 'review-requested'"));
    }

    @Test
    void opensTheReviewTaskOfASupervisorsQueryAndRefusesABlankOne() throws Exception {
        given(messages.raiseQuery("case-1", "第二期发放对象是否一致？", "zhang.san"))
                .willReturn(new CaseMessages.Delivered("case-1", CaseMessages.SUPERVISION_QUERY, List.of(
                        new CaseView.OpenTask("task-3", "Activity_AnswerQuery", "复核并答复质询", List.of("civil-affairs-heads"),
                                null, null))));

        http.perform(post("/api/cases/case-1/supervision-queries").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"第二期发放对象是否一致？\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.message").value("supervision-query"))
                .andExpect(jsonPath("$.openedTasks[0].candidateGroups[0]").value("civil-affairs-heads"));
        http.perform(post("/api/cases/case-1/supervision-queries").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("reason: must not be blank"));
    }

    @Test
    void answersServiceUnavailableWhenTheChainCannotBeReadForVerification() throws Exception {
        given(verifier.verify("case-1")).willThrow(new LedgerUnavailableException("LEDGER-004", "node unreachable"));

        http.perform(get("/api/cases/case-1/verify"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.status").value(503));
    }
}
