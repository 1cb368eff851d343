package org.approvalchain.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** Who sees the review task, on our API and on Camunda's, and what Camunda's REST API lets a user do with it. */
public class TaskAccessSteps {

    private final CaseUnderReview kase;

    public TaskAccessSteps(CaseUnderReview kase) {
        this.kase = kase;
    }

    @Then("{word} sees the review task in her/his task list")
    public void seesTheTask(String user) {
        assertThat(taskIds(CaseUnderReview.as(user).myTasks())).contains(kase.reviewTaskId);
    }

    @Then("{word} does not see the review task in her/his task list")
    public void doesNotSeeTheTask(String user) {
        assertThat(taskIds(CaseUnderReview.as(user).myTasks())).doesNotContain(kase.reviewTaskId);
    }

    @Then("{word} does not see the review task in Camunda's task list either")
    public void doesNotSeeTheTaskInCamunda(String user) {
        assertThat(taskIds(CaseUnderReview.as(user).camundaGet("/task"))).doesNotContain(kase.reviewTaskId);
        assertThat(taskIds(CaseUnderReview.as(CaseUnderReview.OFFICER).camundaGet("/task")))
                .as("a licensing officer's Camunda task list").contains(kase.reviewTaskId);
    }

    @When("{word} completes the review task through Camunda's REST API")
    public void completesThroughCamunda(String user) {
        kase.lastReply = CaseUnderReview.as(user).completeCamundaTask(kase.reviewTaskId);
    }

    @Then("Camunda refuses it")
    public void camundaRefuses() {
        assertThat(kase.lastReply.ok()).as("Camunda answered %s: %s", kase.lastReply.status(), kase.lastReply.text()).isFalse();
    }

    @Then("Camunda refuses it with the reason {string}")
    public void camundaRefusesWith(String reason) {
        camundaRefuses();
        assertThat(kase.lastReply.reason()).contains(reason);
    }

    @Then("the review task is still open")
    public void theTaskIsStillOpen() {
        assertThat(taskIds(kase.view().path("openTasks"))).contains(kase.reviewTaskId);
        seesTheTask(CaseUnderReview.OFFICER);
    }

    private static List<String> taskIds(JsonNode tasks) {
        List<String> ids = new ArrayList<>();
        // our API names it taskId, Camunda's REST API id
        tasks.forEach(t -> ids.add(t.has("taskId") ? t.path("taskId").asText() : t.path("id").asText()));
        return ids;
    }
}
