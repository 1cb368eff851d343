package org.approvalchain.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.approvalchain.acceptance.RunningEngine;
import org.approvalchain.engine.calendar.WorkingDays;

/**
 * Steps for any process, by its BPMN ids: submitting an application, what an automatic step answered
 * on chain, where the case waits (a decision by a group, corrections, a review request), deciding
 * with a client-signed decision, corrections and review requests, the time limit, how the case ends.
 */
public class ReferenceProcessSteps {

    /** Camunda REST's date format, e.g. 2026-11-22T04:03:38.921+0000. */
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter CAMUNDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    /** The operator who may act on Camunda's jobs. */
    private static final String OPERATOR = "demo";

    private final CaseUnderReview kase;
    private final ChainEvidence chain;
    /** The time limit's deadline when an extension was asked for. */
    private Instant dueBeforeExtension;

    public ReferenceProcessSteps(CaseUnderReview kase, ChainEvidence chain) {
        this.kase = kase;
        this.chain = chain;
    }

    @Given("{word} has submitted a {string} application of {word}:")
    public void submitted(String user, String processKey, String applicantName, Map<String, String> fields) {
        kase.applicantName = applicantName;
        kase.caseId = CaseUnderReview.as(user).startCase(processKey, typed(fields), Map.of("name", applicantName));
    }

    @Then("the step {string} answers {word} = {word} with its transaction on chain")
    public void theStepAnswers(String activityId, String output, String value) {
        JsonNode step = latest(activityId);
        assertThat(step.path("callStatus").asInt(-1)).as("%s receipt status", activityId).isZero();
        assertThat(step.path("resultJson").asText()).as("%s result", activityId).contains("\"" + output + "\":" + value);
        chain.assertStepOnChain(step);
    }

    @Then("the step {string} called {word}.{word} successfully")
    public void theStepCalled(String activityId, String contract, String function) {
        JsonNode step = latest(activityId);
        assertThat(step.path("contract").asText()).isEqualTo(contract);
        assertThat(step.path("function").asText()).isEqualTo(function);
        assertThat(step.path("callStatus").asInt(-1)).as("%s receipt status", activityId).isZero();
        chain.assertStepOnChain(step);
    }

    @Then("the step {string} was checked {int} times")
    public void theStepRan(String activityId, int times) {
        assertThat(CaseUnderReview.steps(kase.view(), activityId)).hasSize(times);
    }

    @Then("the case waits at {string} for a decision by the {word}")
    public void waitsForADecision(String activityId, String group) {
        JsonNode task = kase.awaitTask(activityId, open -> !open.path("taskId").asText().equals(kase.reviewTaskId));
        assertThat(task.path("candidateGroups")).extracting(JsonNode::asText).containsExactly(group);
        kase.reviewTaskId = task.path("taskId").asText();
    }

    @Then("the case waits for corrections without any open task")
    public void waitsForCorrections() {
        waitsFor("corrections-submitted");
    }

    @Then("the case waits for a human review request without any open task")
    public void waitsForAReviewRequest() {
        waitsFor("review-requested");
    }

    @When("{word} decides {word} with the reasons {string} signed with her/his own key")
    public void decides(String approver, String decision, String reasons) {
        kase.payload = CaseUnderReview.as(approver).decisionPayload(kase.reviewTaskId, decision, reasons);
        kase.signature = RunningEngine.get().keyOf(approver).sign(kase.payload);
        kase.lastReply = CaseUnderReview.as(approver).submitDecision(kase.reviewTaskId, kase.payload, kase.signature);
        kase.receipt = kase.lastReply.accepted();
    }

    @When("{word} submits the corrections:")
    public void submitsCorrections(String user, Map<String, String> fields) {
        kase.lastReply = CaseUnderReview.as(user).submitCorrections(kase.caseId, typed(fields));
        kase.lastReply.accepted();
    }

    @When("{word} asks for a human review of the automated result because {string}")
    public void asksForReview(String user, String reason) {
        kase.lastReply = CaseUnderReview.as(user).requestReview(kase.caseId, reason);
    }

    @Then("the request is refused with status {int}")
    public void theRequestIsRefused(int status) {
        assertThat(kase.lastReply.status()).as("answer %s", kase.lastReply.text()).isEqualTo(status);
    }

    @Then("the case shows the review request of {word} with the reason {string}")
    public void theReviewRequestIsKept(String user, String reason) {
        JsonNode variables = kase.view().path("variables");
        assertThat(variables.path("reviewRequestedBy").asText()).isEqualTo(user);
        assertThat(variables.path("reviewRequestReason").asText()).isEqualTo(reason);
    }

    @Then("the time limit of the task falls due at 24:00 in Beijing on the {int}rd working day after the task was created")
    @Then("the time limit of the task falls due at 24:00 in Beijing on the {int}th working day after the task was created")
    public void theTimeLimitFallsDue(int workingDays) {
        JsonNode timer = timer();
        JsonNode task = CaseUnderReview.as(OPERATOR).camundaGet("/task/" + kase.reviewTaskId);
        Instant created = OffsetDateTime.parse(task.path("created").asText(), CAMUNDA_DATE).toInstant();
        Instant due = dueDate(timer);
        WorkingDays calendar = WorkingDays.load(null, BEIJING);
        // the timer and the task take the clock separately within one transaction: either may be a moment first
        assertThat(due).isIn(calendar.deadline(created, workingDays), calendar.deadline(created.minusSeconds(5), workingDays));
    }

    @When("{word} asks for an extension of the time limit because {string}")
    public void asksForAnExtension(String official, String reason) {
        dueBeforeExtension = dueDate(timer());
        String officerTask = kase.awaitTask("Activity_OfficerReview", task -> true).path("taskId").asText();
        kase.lastReply = CaseUnderReview.as(official).request("POST", "/api/tasks/" + officerTask + "/extension-requests",
                Map.of("reason", reason));
    }

    @Then("the time limit falls due {int} working days after the last day of the limit it extends")
    public void theTimeLimitIsExtended(int workingDays) {
        // counted here on the calendar: from the last day of the old limit (the day before its 24:00)
        WorkingDays calendar = WorkingDays.load(null, BEIJING);
        LocalDate day = LocalDate.ofInstant(dueBeforeExtension, BEIJING).minusDays(1);
        for (int counted = 0; counted < workingDays; ) {
            day = day.plusDays(1);
            counted += calendar.isWorkingDay(day) ? 1 : 0;
        }
        assertThat(dueDate(timer())).isEqualTo(day.plusDays(1).atStartOfDay(BEIJING).toInstant());
    }

    /**
     * The clock reaching the limit (or the end of the period in which the applicant may ask for a human
     * review), played by the operator running the due timer now instead of in days.
     */
    @When("the time limit passes")
    @When("the period for asking a human review passes")
    public void theTimeLimitPasses() {
        CaseUnderReview.as(OPERATOR).camundaPost("/job/" + timer().path("id").asText() + "/execute", null);
    }

    @Then("the case ends at {string}")
    public void theCaseEndsAt(String endEvent) {
        assertThat(kase.awaitEnd().path("endEvent").asText()).isEqualTo(endEvent);
    }

    private void waitsFor(String message) {
        JsonNode view = kase.await("a wait for " + message,
                v -> v.path("awaiting").toString().contains(message) ? Optional.of(v) : Optional.empty());
        assertThat(view.path("openTasks")).isEmpty();
        assertThat(view.path("state").asText()).isEqualTo("ACTIVE");
    }

    /** The case's one timer job (the time limit on the task it waits at). */
    private static Instant dueDate(JsonNode timer) {
        return OffsetDateTime.parse(timer.path("dueDate").asText(), CAMUNDA_DATE).toInstant();
    }

    private JsonNode timer() {
        JsonNode instances = CaseUnderReview.as(OPERATOR)
                .camundaGet("/process-instance?businessKey=" + URLEncoder.encode(kase.caseId, StandardCharsets.UTF_8));
        JsonNode jobs = CaseUnderReview.as(OPERATOR)
                .camundaGet("/job?timers=true&processInstanceId=" + instances.get(0).path("id").asText());
        assertThat(jobs).as("timers of case %s", kase.caseId).hasSize(1);
        return jobs.get(0);
    }

    /** The most recent recorded step at {@code activityId}, waiting for the first one. */
    private JsonNode latest(String activityId) {
        List<JsonNode> all = kase.await("a step " + activityId,
                view -> Optional.of(CaseUnderReview.steps(view, activityId)).filter(found -> !found.isEmpty()));
        return all.get(all.size() - 1);
    }

    /** Table cells as the application's fields: whole numbers become numbers, the rest stays text. */
    static Map<String, Object> typed(Map<String, String> fields) {
        Map<String, Object> application = new LinkedHashMap<>();
        fields.forEach((name, value) -> application.put(name, value.matches("-?\\d{1,18}") ? (Object) Long.parseLong(value) : value));
        return application;
    }
}
