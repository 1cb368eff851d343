package org.approvalchain.engine.api;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.approvalchain.engine.ledger.LedgerUnavailableException;
import org.approvalchain.engine.process.CaseException;
import org.approvalchain.engine.process.DecisionReceipt;
import org.approvalchain.engine.process.DecisionStatus;
import org.approvalchain.engine.process.Decisions;
import org.approvalchain.engine.process.Tasks;
import org.approvalchain.engine.record.KeptDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What the web edge itself does for the approver's endpoints: HTTP Basic required, request bodies
 * validated, and the capability's refusals and the chain's unavailability as problem details. The
 * capabilities are mocked; the decision flow through a real engine and chain is {@code DecisionApiIT}.
 */
@WebEdgeTest
class TasksControllerTest {

    static final String DECISION = "/api/tasks/task-1/decision";

    @Autowired
    MockMvc http;

    @Autowired
    Tasks tasks;

    @Autowired
    Decisions decisions;

    @Test
    void asksForCredentialsWithProblemDetails() throws Exception {
        http.perform(get("/api/tasks"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"ApprovalChain\""))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value("Authentication required: HTTP Basic with a user of the identity service"));
        verifyNoInteractions(tasks);
    }

    @Test
    void refusesWrongCredentialsWithProblemDetails() throws Exception {
        http.perform(get("/api/tasks").with(httpBasic("chen.jie", "wrong")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(tasks);
    }

    @Test
    @WithMockUser("chen.jie")
    void listsTheOpenTasksOfTheAuthenticatedUser() throws Exception {
        given(tasks.of("chen.jie")).willReturn(List.of(new Tasks.OpenTask("task-1", "case-1", "Activity_OfficerReview",
                "登记员审查", "business-registration:1:7", Instant.parse("2025-06-01T08:00:00Z"), "business-registration",
                "企业开办", 1, List.of("registration-officers"), "P3D", Instant.parse("2025-06-04T08:00:00Z"), true)));

        http.perform(get("/api/tasks"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].taskId").value("task-1"))
                .andExpect(jsonPath("$[0].activityId").value("Activity_OfficerReview"))
                .andExpect(jsonPath("$[0].timeLimit").value("P3D"))
                .andExpect(jsonPath("$[0].deadline").value("2025-06-04T08:00:00Z"))
                .andExpect(jsonPath("$[0].extensionOffered").value(true));
    }

    @Test
    @WithMockUser("chen.jie")
    void namesTheBlankSignatureOfADecision() throws Exception {
        http.perform(decision("{\"payload\": \"{}\", \"signature\": \" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("signature: must not be blank"));
        verifyNoInteractions(decisions);
    }

    @Test
    @WithMockUser("chen.jie")
    void namesEveryInvalidFieldOfADecision() throws Exception {
        http.perform(decision("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("payload: must not be blank; signature: must not be blank"));
    }

    @Test
    @WithMockUser("chen.jie")
    void refusesADecisionThatIsNotJson() throws Exception {
        http.perform(decision("payload=x&signature=y"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("request body is not JSON of the expected shape"));
    }

    @Test
    @WithMockUser("chen.jie")
    void submitsTheSignedDecisionAsTheAuthenticatedUser() throws Exception {
        given(decisions.submit("task-1", "{\"decision\":\"APPROVE\"}", "MEUCIQ==", "chen.jie")).willReturn(
                new DecisionStatus("task-1", KeptDecision.State.RECORDED,
                        new DecisionReceipt("task-1", "case-1", "chen.jie", "APPROVE", "0xsm3", "0xtx", 21, "0xstep", 22)));

        http.perform(decision("{\"payload\": \"{\\\"decision\\\":\\\"APPROVE\\\"}\", \"signature\": \"MEUCIQ==\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision").value("APPROVE"));
        verify(decisions).submit("task-1", "{\"decision\":\"APPROVE\"}", "MEUCIQ==", "chen.jie");
    }

    @Test
    @WithMockUser("chen.jie")
    void answersAcceptedWithAStatusLinkWhileTheDecisionIsBeingRecorded() throws Exception {
        given(decisions.submit("task-1", "{}", "MEUCIQ==", "chen.jie"))
                .willReturn(new DecisionStatus("task-1", KeptDecision.State.SIGNED, null));

        http.perform(decision("{\"payload\": \"{}\", \"signature\": \"MEUCIQ==\"}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/tasks/task-1/decision"))
                .andExpect(jsonPath("$.state").value("SIGNED"));
    }

    @ParameterizedTest
    @CsvSource({"NOT_FOUND, 404", "INVALID, 400", "FORBIDDEN, 403", "CONFLICT, 409"})
    @WithMockUser("chen.jie")
    void answersACaseRefusalWithItsStatusAndReason(CaseException.Kind kind, int status) throws Exception {
        given(decisions.submit(any(), any(), any(), any())).willThrow(new CaseException(kind, "task task-1: " + kind));

        http.perform(decision("{\"payload\": \"{}\", \"signature\": \"MEUCIQ==\"}"))
                .andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").value("task task-1: " + kind));
    }

    @Test
    @WithMockUser("chen.jie")
    void answersServiceUnavailableWhenTheChainIsUnreachable() throws Exception {
        given(decisions.submit(any(), any(), any(), any()))
                .willThrow(new LedgerUnavailableException("LEDGER-004", "node unreachable: 127.0.0.1:20200"));

        http.perform(decision("{\"payload\": \"{}\", \"signature\": \"MEUCIQ==\"}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("node unreachable")));
    }

    private static MockHttpServletRequestBuilder decision(String body) {
        return post(DECISION).contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
