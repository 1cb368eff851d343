package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.approvalchain.engine.support.SharedEngine;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Input an outside client may send by mistake or on purpose is refused with a 4xx problem detail
 * that says what was wrong (its {@code code}, no exception class, no stack trace), and nothing is
 * started: numbers out of range or of more than 64 bits, text longer than a case keeps, a body with
 * something after its JSON, a method or body type the path does not take, a multipart body that
 * cannot be read, a day no time can be made of, a path the firewall refuses. Camunda's REST API
 * answers wrong input 400, a look-up of nothing 404 and a second task of an id 409, never 500.
 */
@SharedEngine
class MalformedRequestsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APPLICATION = "{\"application\":{\"enterpriseName\":\"%s\",\"tradeName\":\"畸形\","
            + "\"industry\":\"软件和信息技术服务业\",\"materialsSubmitted\":%s},\"applicant\":{\"name\":\"%s\"}}";

    @LocalServerPort
    int port;

    @Autowired
    HistoryService history;

    @Autowired
    RepositoryService repository;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void refusesApplicationsACaseCannotKeepAndStartsNothing() throws Exception {
        long before = history.createHistoricProcessInstanceQuery().processDefinitionKey("business-registration").count();

        assertProblem(start(APPLICATION.formatted("北京畸形科技有限公司", "-1", "张三")), 400, "API-400",
                "'materialsSubmitted': -1 is less than 0");
        assertProblem(start(APPLICATION.formatted("北京畸形科技有限公司", "9223372036854775808", "张三")), 400, "API-400",
                "'materialsSubmitted': 9223372036854775808 is not a whole number");
        assertProblem(start(APPLICATION.formatted("北京畸形科技有限公司", "1e400", "张三")), 400, "API-400",
                "'materialsSubmitted'");
        assertProblem(start(APPLICATION.formatted("x".repeat(4001), "5", "张三")), 400, "API-400",
                "'enterpriseName': at most 4000 characters, is 4001");
        assertProblem(start(APPLICATION.formatted("北京畸形科技有限公司", "5", "x".repeat(4000))), 400, "API-400",
                "applicant: at most 4000 characters as JSON");
        assertProblem(start(APPLICATION.formatted("北京畸形科技有限公司", "5", "张三") + " trailing-garbage"), 400, "API-400",
                "not JSON");

        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("business-registration").count())
                .isEqualTo(before);
    }

    @Test
    void refusesWhatThePathDoesNotTakeWithAProblem() throws Exception {
        HttpResponse<String> deleteMe = send(request("/api/me", "demo").DELETE());
        assertProblem(deleteMe, 405, "API-405", "not DELETE");
        assertThat(deleteMe.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));

        assertProblem(send(request("/api/me/key-enrolments", "lin.hua").header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<key/>"))), 415, "API-415", "application/xml");
        assertProblem(send(request("/api/models/validate", "lin.hua").header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.noBody())), 400, "API-400", "request body is missing");
        assertProblem(send(request("/api/models/validate", "lin.hua").header("Content-Type", "multipart/form-data; boundary=XyZ")
                .POST(HttpRequest.BodyPublishers.ofString("--XyZ\r\ngarbage"))), 400, "API-400", "multipart");
        assertProblem(send(request("/api/cases?startedTo=%2B999999999-12-31", "demo").GET()), 400, "API-400",
                "is not a day from 1970-01-01 to 9999-12-31");
        assertProblem(send(request("/api/cases?standing=open&standing=shut", "demo").GET()), 400, "API-400",
                "standing: given 2 times, it takes one value");
        assertProblem(send(request("/api/chain/blocks?count=x&count=y", "demo").GET()), 400, "API-400", "count: given 2 times");
        assertProblem(send(request("/api/admin/personal-data-reads?page=-1", "demo").GET()), 400, "API-400",
                "page: must be greater than or equal to 0");
        assertProblem(send(request("/api/cases/;x", "demo").GET()), 400, "API-400", "refused");
        for (String path : List.of("/api/authorisations/%00/actions", "/api/cases/a%2Fb")) {
            // refused by the web server before any servlet: in JSON too, without the server's name
            HttpResponse<String> refused = send(request(path, "demo").GET());
            assertThat(refused.statusCode()).as(path).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/json"));
            assertThat(refused.body()).as(path).doesNotContain("<html", "Tomcat");
        }
    }

    @Test
    void refusesAFlagOrANumberWhereTextBelongsNamingTheField() throws Exception {
        assertProblem(post("/api/tasks/no-such-task/decision", "chen.jie", "{\"payload\":true,\"signature\":\"MEUCIQ==\"}"),
                400, "API-400", "payload: expected text");
        assertProblem(post("/api/admin/event-subscriptions", "demo",
                "{\"url\":\"http://127.0.0.1:9/hook\",\"eventTypes\":[\"case.completed\", 7],\"secret\":\"s3cret-s3cret\"}"),
                400, "API-400", "eventTypes[1]: expected text");
        assertProblem(post("/api/cases/no-such-case/review-requests", "wang.fang", "{\"reason\":12.5}"),
                400, "API-400", "reason: expected text");
    }

    @Test
    void refusesAPageOfCamundasListsThatStartsOrEndsBelowZero() throws Exception {
        for (String query : List.of("/engine-rest/task?firstResult=-2", "/engine-rest/user?maxResults=-3",
                "/engine-rest/history/process-instance?firstResult=-10&maxResults=-10", "/engine-rest/task?firstResult=zwei")) {
            HttpResponse<String> response = send(request(query, "zhang.wei").GET());
            assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(400);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.path("type").asText()).isEqualTo("InvalidRequestException");
            assertThat(body.path("message").asText()).startsWith(query.contains("maxResults=-3") ? "maxResults" : "firstResult");
        }
        assertThat(send(request("/engine-rest/task?firstResult=0&maxResults=5", "zhang.wei").GET()).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task?firstResult=-2")).GET())
                .statusCode()).as("who asks is known first").isEqualTo(401);
    }

    @Test
    void answersTheEnginesRefusalOfAnArgumentWith400() throws Exception {
        HttpResponse<String> emptyGroups = send(request("/engine-rest/task?candidateGroups=", "zhang.wei").GET());
        assertThat(emptyGroups.statusCode()).as(emptyGroups.body()).isEqualTo(400);
        assertThat(JSON.readTree(emptyGroups.body()).path("message").asText()).contains("Candidate group list is empty");

        HttpResponse<String> noWorker = send(request("/engine-rest/external-task/fetchAndLock", "demo")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"workerId\":null,\"maxTasks\":1,\"topics\":[]}")));
        assertThat(noWorker.statusCode()).as(noWorker.body()).isEqualTo(400);
        assertThat(JSON.readTree(noWorker.body()).path("message").asText()).contains("workerId is null");

        HttpResponse<String> unknownJob = send(request("/engine-rest/job/no-such-job", "demo").GET());
        assertThat(unknownJob.statusCode()).as("Camunda's own answers stay as they were").isEqualTo(404);

        assertCamundaAnswers(post("/engine-rest/condition", "zhang.wei", "{}"), 400, "ENGINE-13043");
        assertCamundaAnswers(send(request("/engine-rest/job/no-such-job/retries", "demo").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"retries\":-1}"))), 400, "ENGINE-13054");
        assertCamundaAnswers(post("/engine-rest/job/retries", "demo", "{\"retries\":1}"), 400, "ENGINE-13050");
        assertCamundaAnswers(send(request("/engine-rest/task/no-such-task/variables/x/data", "demo").GET()), 404, "doesn't exist");
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey("licence-application").latestVersion()
                .singleResult().getId();
        assertCamundaAnswers(post("/engine-rest/process-definition/" + definition + "/restart-async", "zhang.wei", "{}"), 400,
                "lacks a value");

        assertCamundaAnswers(send(request("/engine-rest/task?includeAssignedTasks=true", "zhang.wei").GET()), 400,
                "Invalid query usage");
        assertCamundaAnswers(send(request("/engine-rest/metrics?maxResults=201", "demo").GET()), 400, "larger than 200");
        assertCamundaAnswers(post("/engine-rest/job/%20/duedate/recalculate", "demo", ""), 400, "jobId is empty");
    }

    @Test
    void answersWrongInputToCamundasApiWith400() throws Exception {
        String objectFilter = "[{\"name\":\"x\",\"operator\":\"eq\",\"value\":{\"a\":1}}]";
        assertCamundaAnswers(post("/engine-rest/process-instance", "demo", "{\"variables\":" + objectFilter + "}"), 400,
                "Object values cannot be used to query");
        assertCamundaAnswers(post("/engine-rest/task", "zhang.wei", "{\"processVariables\":" + objectFilter + "}"), 400,
                "Object values cannot be used to query");
        assertCamundaAnswers(post("/engine-rest/history/process-instance", "demo", "{\"variables\":" + objectFilter + "}"),
                400, "Object values cannot be used to query");
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey("licence-application").latestVersion()
                .singleResult().getId();
        assertCamundaAnswers(post("/engine-rest/process-definition/" + definition + "/start", "demo",
                "{\"skipCustomListeners\":true}"), 400, "ENGINE-13024");
        assertCamundaAnswers(post("/engine-rest/process-instance/job-retries", "demo", "{\"retries\":1}"), 400, "ENGINE-13051");
        assertCamundaAnswers(post("/engine-rest/task/no-such-task/variables", "demo",
                "{\"modifications\":{\"f\":{\"type\":\"File\",\"value\":\"aGk=\"}}}"), 400, "without valueInfo");
        assertCamundaAnswers(send(request("/engine-rest/group/applicants", "demo").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{}"))), 400, "lacks a value");
        assertCamundaAnswers(send(request("/engine-rest/user/demo/profile", "demo").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{}"))), 400, "lacks a value");
        assertCamundaAnswers(post("/engine-rest/job", "demo", "{\"dueDates\":[{\"operator\":\"lt\",\"value\":{\"a\":1}}]}"),
                400, "not of the type");
        assertCamundaAnswers(post("/engine-rest/external-task/fetchAndLock", "demo",
                "{\"workerId\":\"w\",\"maxTasks\":1,\"topics\":[],\"sorting\":[{}]}"), 400, "lacks a value");
        assertCamundaAnswers(post("/engine-rest/authorization/create", "demo",
                "{\"type\":0,\"permissions\":[\"ALL\"],\"groupId\":\"g\",\"resourceType\":0,\"resourceId\":\"*\"}"), 400,
                "ENGINE-03027");
        assertCamundaAnswers(post("/engine-rest/authorization/create", "demo",
                "{\"type\":0,\"permissions\":[\"ALL\"],\"userId\":\"x\",\"resourceType\":0,\"resourceId\":\"*\"}"), 400,
                "ENGINE-03028");
        assertCamundaAnswers(deploy("deployment-activation-time", "notatime", "a.txt"), 400, "Invalid format");
        for (String resource : List.of("a.dmn", "a.cmmn", "a.form", "a.groovy")) {
            // models are data: a deployment holds BPMN models only
            assertCamundaAnswers(deploy("deployment-name", "not-a-model", resource), 400, "not BPMN models");
        }
        assertCamundaAnswers(post("/engine-rest/task/create", "demo", "{\"id\":\"" + "a".repeat(300) + "\"}"), 400, "longer");
        assertCamundaAnswers(post("/engine-rest/group/create", "demo", "{\"id\":\"malformedlong\",\"name\":\""
                + "n".repeat(6000) + "\"}"), 400, "longer");
        for (String id : List.of("", "../x", "a b")) {
            assertCamundaAnswers(post("/engine-rest/task/create", "demo", "{\"id\":\"" + id + "\"}"), 400, "id: letters");
        }

        for (String list : List.of("task", "task/count", "process-instance", "process-instance/count", "history/task",
                "history/task/count", "history/process-instance", "history/process-instance/count")) {
            assertCamundaAnswers(send(request("/engine-rest/" + list + "?orQueries=x", "zhang.wei").GET()), 400,
                    "query parameter is not of the type");
        }
        assertCamundaAnswers(send(request("/engine-rest/history/process-instance?processDefinitionKeyNotIn=,", "demo").GET()),
                400, "the database cannot take");
        assertCamundaAnswers(post("/engine-rest/history/process-instance", "demo", "{\"processDefinitionKeyNotIn\":[]}"), 400,
                "the database cannot take");
    }

    @Test
    void answersABodyOfCamundasApiItCannotReadInItsErrorShapeNamingTheField() throws Exception {
        assertUnreadable(post("/engine-rest/external-task", "zhang.wei", "{\"sorting\":5}"), "sorting: expected a list");
        assertUnreadable(post("/engine-rest/external-task", "zhang.wei", "{\"sorting\":[5]}"), "sorting[0]: expected an object");
        assertUnreadable(post("/engine-rest/external-task", "zhang.wei", "{\"active\":\"x\"}"), "active: expected true or false");
        assertUnreadable(post("/engine-rest/external-task", "zhang.wei", "{\"priorityHigherThanOrEquals\":\"abc\"}"),
                "priorityHigherThanOrEquals: expected a number");
        assertUnreadable(post("/engine-rest/external-task", "zhang.wei", "[1]"), "request body: expected an object");
        assertUnreadable(post("/engine-rest/external-task", "zhang.wei", "{"), "not JSON");
    }

    @Test
    void answersALookUpOfNothingOnCamundasApiWith404AndASecondThingOfAnIdWith409() throws Exception {
        assertCamundaAnswers(post("/engine-rest/process-definition/no-such-definition/start", "demo", "{}"), 404,
                "no deployed process definition found");
        assertCamundaAnswers(send(request("/engine-rest/process-definition/no-such-definition/suspended", "demo")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"suspended\":true}"))),
                404, "does not exist");
        assertCamundaAnswers(send(request("/engine-rest/job/no-such-job/retries", "demo").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"retries\":1}"))), 404, "ENGINE-13053");
        assertCamundaAnswers(send(request("/engine-rest/task/no-such-task/deployed-form", "demo").GET()), 404, "does not exist");

        // a task of no case, which stays: nobody deletes a task (ROUTING-001)
        String task = "{\"id\":\"malformed-" + UUID.randomUUID() + "\"}";
        assertThat(post("/engine-rest/task/create", "demo", task).statusCode()).isEqualTo(204);
        assertCamundaAnswers(post("/engine-rest/task/create", "demo", task), 409, "exists already");

        for (String definitions : List.of("process-definition", "decision-definition", "case-definition")) {
            assertCamundaAnswers(send(request("/engine-rest/" + definitions + "/no-such-definition/history-time-to-live", "demo")
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"historyTimeToLive\":5}"))), 404, "does not exist");
        }
    }

    private static void assertCamundaAnswers(HttpResponse<String> response, int status, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).path("message").asText()).contains(message);
    }

    /** Camunda's error shape, not Jersey's plain text of Jackson's message with Java's names. */
    private static void assertUnreadable(HttpResponse<String> response, String message) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertCamundaAnswers(response, 400, message);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("type").asText()).isEqualTo("InvalidRequestException");
        assertThat(body.path("message").asText()).doesNotContain("java.", "camunda", "Exception");
    }

    private HttpResponse<String> post(String path, String user, String json) throws Exception {
        return send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** A deployment through Camunda's REST API of one resource that is no model. */
    private HttpResponse<String> deploy(String field, String value, String resource) throws Exception {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value + "\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + resource + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nnot a model\r\n--XyZ--\r\n";
        return send(request("/engine-rest/deployment/create", "demo").header("Content-Type", "multipart/form-data; boundary=XyZ")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> start(String body) throws Exception {
        return send(request("/api/processes/business-registration/cases", "wang.fang").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String path, String user) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code, String detail) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("code").asText()).as(response.body()).isEqualTo(code);
        assertThat(problem.path("detail").asText()).as(response.body()).contains(detail).doesNotContain("Exception", "\tat ");
    }
}
