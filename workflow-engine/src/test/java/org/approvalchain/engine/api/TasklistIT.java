package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.SharedEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist's own paths, the webapps' engine API with the session cookie and the CSRF token: it
 * cannot complete a task that needs a signed decision (403 with the DECISION-001 message, one WARN
 * line in the log and no stack trace), and an officer cannot read the case's variables through it
 * (403, PRIVACY-001: our API is the way).
 */
@SharedEngine
@ExtendWith(OutputCaptureExtension.class)
class TasklistIT {

    private static final String OFFICER = "wang.fang";

    @LocalServerPort
    int port;

    @Test
    void tasklistCannotCompleteAGuardedTask(CapturedOutput output) throws Exception {
        String caseId = officer().startCase("licence-application",
                Map.of("applicantAge", 35, "licenceType", "食品经营许可证"), Map.of("name", "孙七"));
        String taskId = reviewTask(caseId);
        Tasklist tasklist = Tasklist.login(base(), OFFICER);

        for (String action : new String[] {"complete", "submit-form"}) {
            int logged = output.getOut().length();
            HttpResponse<String> refused = tasklist.post("/camunda/api/engine/engine/default/task/" + taskId + "/" + action,
                    "{\"variables\":{}}");

            assertThat(refused.statusCode()).as(action + ": " + refused.body()).isEqualTo(403);
            assertThat(refused.body()).contains("DECISION-001 task " + taskId);
            assertThat(output.getOut().substring(logged).lines().filter(line -> line.contains(taskId)).toList())
                    .as("what the engine logged about the task").singleElement().asString().contains("WARN", "DECISION-001");
        }
        assertThat(officer().caseView(caseId).path("openTasks").toString()).contains(taskId);
    }

    @Test
    void tasklistDoesNotShowAnOfficerTheCasesVariables() throws Exception {
        String taskId = reviewTask(officer().startCase("licence-application",
                Map.of("applicantAge", 36, "licenceType", "食品经营许可证"), Map.of("name", "周八")));
        Tasklist tasklist = Tasklist.login(base(), OFFICER);

        for (String read : new String[] {"variables", "form-variables"}) {
            HttpResponse<String> refused = tasklist.get("/camunda/api/engine/engine/default/task/" + taskId + "/" + read);

            assertThat(refused.statusCode()).as(read + ": " + refused.body()).isEqualTo(403);
            assertThat(refused.body()).contains("PRIVACY-001").doesNotContain("周八");
        }
    }

    /** The officer's review task of the case, once the case has reached it. */
    private String reviewTask(String caseId) {
        return officer().awaitOpenTask(caseId, "Activity_ReviewApplication", Duration.ofSeconds(30));
    }

    private ApiClient officer() {
        return ApiClient.demoUser(base(), OFFICER);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** A browser's session with Tasklist: its session cookie and CSRF token, as Tasklist's own pages send them. */
    private record Tasklist(HttpClient http, CookieManager cookies, String base) {

        static Tasklist login(String base, String user) throws IOException, InterruptedException {
            CookieManager cookies = new CookieManager();
            Tasklist tasklist = new Tasklist(HttpClient.newBuilder().cookieHandler(cookies).build(), cookies, base);
            tasklist.http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
                    HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> login = tasklist.http.send(tasklist.request("/camunda/api/admin/auth/user/default/login/tasklist")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as("Tasklist login: " + login.body()).isEqualTo(200);
            // the login starts a new session: its CSRF token comes with the next read, as Tasklist's next page load
            tasklist.get("/camunda/api/admin/auth/user/default");
            return tasklist;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
            return http.send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path) {
            String token = cookies.getCookieStore().getCookies().stream().filter(c -> "XSRF-TOKEN".equals(c.getName()))
                    .map(HttpCookie::getValue).findFirst().orElse("");
            return HttpRequest.newBuilder(URI.create(base + path)).header("X-XSRF-TOKEN", token)
                    .header("Accept", "application/json");
        }
    }
}
