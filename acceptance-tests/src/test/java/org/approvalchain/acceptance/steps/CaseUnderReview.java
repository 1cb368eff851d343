package org.approvalchain.acceptance.steps;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.spring.CucumberTestContext;
import org.approvalchain.acceptance.RunningEngine;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.Reply;
import org.springframework.context.annotation.Scope;

/**
 * What one scenario knows about its case: the case and its applicant, the review task, the
 * decision being prepared (payload and signature), and the engine's last answer. A new one per
 * scenario, shared by the step classes.
 */
@Scope(CucumberTestContext.SCOPE_CUCUMBER_GLUE) // one per scenario; no proxy, the steps read its fields
public class CaseUnderReview {

    static final String PROCESS = "licence-application";
    static final String ELIGIBILITY = "Activity_CheckEligibility";
    static final String REVIEW = "Activity_ReviewApplication";
    static final String ISSUE = "Activity_IssueLicence";
    /** Who reads the case: any licensing officer may. */
    static final String OFFICER = "wang.fang";
    /** How long a scenario waits for what the engine does asynchronously (its jobs run the contract steps). */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    String caseId;
    /** Who reads the case for the scenario's checks: a licensing officer, unless the scenario's process is another office's. */
    String reader = OFFICER;
    String applicantName;
    String applicantIdNumber;
    String reviewTaskId;
    String payload;
    String signature;
    Reply lastReply;
    JsonNode receipt;

    static ApiClient as(String user) {
        return RunningEngine.get().as(user);
    }

    JsonNode view() {
        return as(reader).caseView(caseId);
    }

    /** Reads the case until {@code found} finds {@code what} in its view. */
    <T> T await(String what, Function<JsonNode, Optional<T>> found) {
        return as(reader).awaitCase(caseId, what, found, TIMEOUT);
    }

    /** Waits until the case has an open task at {@code activityId} that {@code wanted} accepts; returns the task. */
    JsonNode awaitTask(String activityId, Predicate<JsonNode> wanted) {
        return as(reader).awaitTask(caseId, "an open task " + activityId,
                task -> activityId.equals(task.path("activityId").asText()) && wanted.test(task), TIMEOUT);
    }

    /** Waits until the case has a recorded step at {@code activityId}; returns the step. */
    JsonNode awaitStep(String activityId) {
        return await("a step " + activityId, view -> step(view, activityId));
    }

    /** Waits until the case has ended; returns its view. */
    JsonNode awaitEnd() {
        return as(reader).awaitState(caseId, "COMPLETED", TIMEOUT);
    }

    static Optional<JsonNode> step(JsonNode view, String activityId) {
        return steps(view, activityId).stream().findFirst();
    }

    /** Every recorded step at {@code activityId}, in the order the case lists them (a loop visits it again). */
    static List<JsonNode> steps(JsonNode view, String activityId) {
        return StreamSupport.stream(view.path("steps").spliterator(), false)
                .filter(s -> activityId.equals(s.path("activityId").asText())).toList();
    }
}
