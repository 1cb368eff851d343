package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.engine.calendar.WorkingDays;
import org.approvalchain.engine.support.Applicants;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.BusinessRegistration;
import org.approvalchain.engine.support.Reply;
import org.approvalchain.engine.support.SharedEngine;
import org.approvalchain.engine.support.Sm2DecisionSigner;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The extension of a time limit that the law allows with the head's approval (市场主体登记管理条例
 * 第十九条 "经登记机关负责人批准，可以再延长3个工作日"), on the real business-registration model: the
 * registration officer asks, the head of the registry (zhao.lei, supervisors) decides with a signed
 * decision, and an approval moves the deadline the inbox shows by 3 working days; once per stage.
 */
@SharedEngine
class TimeLimitExtensionIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String REASON = "经营范围涉及前置审批，需核实许可文件";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    WorkingDays workingDays;

    private ApiClient chenJie;
    private ApiClient zhaoLei;
    private String caseId;
    private String officerTask;

    @BeforeEach
    void aCaseIsWithTheRegistrationOfficer() {
        ApiClient applicant = ApiClient.demoUser(base(), Applicants.ensure(identity, "extension.applicant"));
        caseId = BusinessRegistration.atTheOfficersReview(applicant, WAIT);
        chenJie = ApiClient.demoUser(base(), "chen.jie");
        zhaoLei = ApiClient.demoUser(base(), "zhao.lei");
        officerTask = chenJie.awaitOpenTask(caseId, "Activity_OfficerReview", WAIT);
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineByThreeWorkingDaysOnce() {
        Instant before = deadline(chenJie, officerTask);

        JsonNode opened = ask(chenJie, officerTask).accepted();
        assertThat(opened.at("/openedTasks/0/activityId").asText()).isEqualTo("Activity_ApproveExtension");
        String headTask = zhaoLei.awaitOpenTask(caseId, "Activity_ApproveExtension", WAIT);
        ask(chenJie, officerTask).refused(409, "EXTENSION-003");

        zhaoLei.decide(headTask, "APPROVE", "情形复杂，准予延长3个工作日", Sm2DecisionSigner.demoUser(SharedEngine.DATA_DIR, "zhao.lei")::sign);

        assertThat(deadline(chenJie, officerTask)).isEqualTo(threeWorkingDaysAfterTheLastDayOf(before));
        ask(chenJie, officerTask).refused(409, "EXTENSION-002");
    }

    @Test
    void aRefusedExtensionLeavesTheDeadline() {
        Instant before = deadline(chenJie, officerTask);
        ask(chenJie, officerTask).accepted();
        String headTask = zhaoLei.awaitOpenTask(caseId, "Activity_ApproveExtension", WAIT);

        zhaoLei.decide(headTask, "REJECT", "情形并不复杂，请按期办结", Sm2DecisionSigner.demoUser(SharedEngine.DATA_DIR, "zhao.lei")::sign);

        assertThat(deadline(chenJie, officerTask)).isEqualTo(before);
    }

    @Test
    void theOfficersDecisionEndsTheStageWithTheRequestStillOpen() {
        ask(chenJie, officerTask).accepted();
        String headTask = zhaoLei.awaitOpenTask(caseId, "Activity_ApproveExtension", WAIT);

        chenJie.decide(officerTask, "REJECT", "经营范围不符合规定", Sm2DecisionSigner.demoUser(SharedEngine.DATA_DIR, "chen.jie")::sign);

        chenJie.awaitState(caseId, "COMPLETED", WAIT);
        assertThat(zhaoLei.myTasks().findValuesAsText("taskId")).doesNotContain(headTask);
    }

    @Test
    void onlyAStepThatOffersOneAndOnlyWhoMayWorkItAsk() {
        ask(ApiClient.demoUser(base(), "wang.fang"), officerTask).refused(403, "TASK-002");
        assertThat(chenJie.request("POST", "/api/tasks/" + officerTask + "/extension-requests", Map.of("reason", " "))
                .status()).isEqualTo(400);
        ask(chenJie, officerTask).accepted();
        String headTask = zhaoLei.awaitOpenTask(caseId, "Activity_ApproveExtension", WAIT);
        ask(zhaoLei, headTask).refused(409, "EXTENSION-001");
    }

    @Test
    void nobodyMovesTheDeadlineAnyOtherWay() {
        Instant before = deadline(chenJie, officerTask);
        ApiClient admin = ApiClient.of(base(), "demo", "demo");
        String instanceId = admin.camundaGet("/process-instance?businessKey=" + caseId).path(0).path("id").asText();
        String timerId = admin.camundaGet("/job?timers=true&activityId=Event_TimeLimit&processInstanceId=" + instanceId)
                .path(0).path("id").asText();

        Reply moved = admin.request("PUT", "/engine-rest/job/" + timerId + "/duedate", Map.of("duedate", "2099-01-01T00:00:00.000+0000"));
        Reply recalculated = admin.request("POST", "/engine-rest/job/" + timerId + "/duedate/recalculate", null);

        assertThat(moved.status()).as(moved.text()).isEqualTo(403);
        assertThat(recalculated.status()).as(recalculated.text()).isEqualTo(403);
        assertThat(moved.text() + recalculated.text()).contains("ROUTING-001");
        assertThat(deadline(chenJie, officerTask)).isEqualTo(before);
    }

    private static Reply ask(ApiClient official, String taskId) {
        return official.request("POST", "/api/tasks/" + taskId + "/extension-requests", Map.of("reason", REASON));
    }

    private static Instant deadline(ApiClient official, String taskId) {
        for (JsonNode task : official.myTasks()) {
            if (task.path("taskId").asText().equals(taskId)) {
                return Instant.parse(task.path("deadline").asText());
            }
        }
        throw new AssertionError("task " + taskId + " is not in the inbox of " + official);
    }

    /** Counted here day by day on the calendar: from the last day of the limit (the day before its 24:00), 3 working days on. */
    private Instant threeWorkingDaysAfterTheLastDayOf(Instant deadline) {
        LocalDate day = LocalDate.ofInstant(deadline, BEIJING).minusDays(1);
        for (int counted = 0; counted < 3; ) {
            day = day.plusDays(1);
            if (workingDays.isWorkingDay(day)) {
                counted++;
            }
        }
        return day.plusDays(1).atStartOfDay(BEIJING).toInstant();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
