package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.approvalchain.engine.support.Applicants;
import org.approvalchain.engine.support.SharedEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web application's session against the real engine, over real HTTP with a cookie jar like a
 * browser's: the pages at {@code /} and its history routes, the login form with its CSRF token,
 * {@code GET /api/me}, logout; and programs on HTTP Basic unchanged (no session, no CSRF token).
 */
@SharedEngine
class WebSessionIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Test
    void servesTheWebApplicationAtTheRootAndAtItsRoutesAndLeavesCamundaWhereItIs() throws Exception {
        Browser browser = new Browser();
        for (String page : new String[] {"/", "/login", "/inbox", "/cases/some-case", "/keys", "/tasks/some-task/decide"}) {
            HttpResponse<String> response = browser.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.body()).as(page).contains("<div id=\"app\"></div>");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(page)
                    .hasValue(SecurityConfiguration.WEB_APPLICATION_POLICY);
        }
        HttpResponse<String> camunda = browser.get("/camunda/app/");
        assertThat(camunda.body()).contains("Camunda");
        assertThat(camunda.headers().allValues("Content-Security-Policy")).as("Camunda's webapps keep their own")
                .doesNotContain(SecurityConfiguration.WEB_APPLICATION_POLICY);
        assertThat(browser.get("/api/no-such-endpoint").statusCode()).isEqualTo(401);
    }

    @Test
    void logsInWithTheFormAndItsCsrfTokenAndOutAgain() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> anonymous = browser.get("/api/me");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as("no browser login dialog").isEmpty();
        assertThat(anonymous.body()).contains("\"code\":\"AUTH-001\"");
        String token = browser.cookie(SecurityConfiguration.CSRF_COOKIE).orElseThrow();

        assertThat(browser.login("chen.jie", "chen.jie", "").statusCode()).as("login without the token").isEqualTo(403);
        // another user: Camunda refuses every password of a user for a few seconds after a wrong one
        HttpResponse<String> wrong = browser.login(Applicants.ensure(identity, "web.visitor"), "wrong", token);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("\"code\":\"AUTH-002\"");
        assertThat(browser.login("chen.jie", "chen.jie", token).statusCode()).isEqualTo(204);

        HttpResponse<String> me = browser.get("/api/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"userId\":\"chen.jie\"", "陈杰", "registration-officers");

        String sessionToken = browser.cookie(SecurityConfiguration.CSRF_COOKIE).orElseThrow();
        HttpResponse<String> forged = browser.post("/api/logout", "", "");
        assertThat(forged.statusCode()).as("a session's unsafe request without the token").isEqualTo(403);
        assertThat(forged.body()).contains("\"code\":\"AUTH-004\"");
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);

        assertThat(browser.post("/api/logout", "", sessionToken).statusCode()).isEqualTo(204);
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void programsOnHttpBasicGetNoSessionAndNeedNoCsrfToken() throws Exception {
        Browser program = new Browser();
        String basic = "Basic " + Base64.getEncoder().encodeToString("chen.jie:chen.jie".getBytes());
        HttpResponse<String> me = program.send(HttpRequest.newBuilder(program.uri("/api/me")).header("Authorization", basic).GET());
        assertThat(me.statusCode()).isEqualTo(200);
        HttpResponse<String> unsafe = program.send(HttpRequest.newBuilder(program.uri("/api/processes/no-such-process/cases"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"application\":{}}")));
        assertThat(unsafe.statusCode()).as("refused by the API, not by CSRF").isEqualTo(404);
        assertThat(program.cookies.getCookieStore().getCookies()).as("no session, no CSRF cookie").isEmpty();
    }

    @Test
    void wrongPasswordsLockNobodyOut() throws Exception {
        User user = identity.newUser("lockout.probe");
        user.setPassword("Right-Passw0rd-2026");
        identity.saveUser(user);
        try {
            Browser stranger = new Browser();
            for (int attempt = 1; attempt <= 12; attempt++) {
                assertThat(basic(stranger, "lockout.probe", "guess-" + attempt).statusCode()).as("guess %d", attempt).isEqualTo(401);
            }
            assertThat(basic(new Browser(), "lockout.probe", "Right-Passw0rd-2026").statusCode())
                    .as("the right password, at once after a stranger's twelve wrong ones").isEqualTo(200);
        } finally {
            identity.deleteUser("lockout.probe");
        }
    }

    @Test
    void guessingAPasswordWaitsAfterTwentyWrongOnesAndTheRightOneGetsInAfterTheWait() throws Exception {
        String user = Applicants.ensure(identity, "throttle.basic");
        Browser guesser = new Browser();
        for (int attempt = 1; attempt <= 20; attempt++) {
            assertThat(basic(guesser, user, "guess-" + attempt).statusCode()).as("guess %d", attempt).isEqualTo(401);
        }
        HttpResponse<String> held = basic(guesser, user, user);
        assertThat(held.statusCode()).as("the right password, at once after twenty wrong ones").isEqualTo(429);
        assertThat(held.body()).contains("\"code\":\"AUTH-005\"").doesNotContain(user);
        long retryAfter = Long.parseLong(held.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 30L);
        assertThat(basic(guesser, "chen.jie", "chen.jie").statusCode()).as("another user from the same address").isEqualTo(200);

        Thread.sleep(retryAfter * 1000);
        assertThat(basic(guesser, user, user).statusCode()).as("the right password after the wait").isEqualTo(200);
        assertThat(basic(guesser, user, "guess-21").statusCode()).as("the right password started the count again")
                .isEqualTo(401);
    }

    @Test
    void credentialsOnAPathThatDoesNotCheckThemCountForNothing() throws Exception {
        String user = Applicants.ensure(identity, "throttle.unchecked");
        Browser browser = new Browser();
        String authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":guess").getBytes());
        for (int attempt = 1; attempt <= 25; attempt++) {
            // Camunda's REST API lists its engines without authentication
            assertThat(browser.send(HttpRequest.newBuilder(browser.uri("/engine-rest/engine")).header("Authorization",
                    authorization).GET()).statusCode()).isEqualTo(200);
        }
        assertThat(basic(browser, user, user).statusCode()).isEqualTo(200);
    }

    @Test
    void theWrongPasswordsOfEveryLoginCountTogether() throws Exception {
        String user = Applicants.ensure(identity, "throttle.webapp");
        Browser browser = new Browser();
        browser.get("/camunda/app/tasklist/default/");
        String camundaToken = browser.cookie("XSRF-TOKEN").orElseThrow();
        for (int attempt = 1; attempt <= 20; attempt++) {
            HttpResponse<String> wrong = browser.post("/camunda/api/admin/auth/user/default/login/tasklist",
                    "username=" + user + "&password=guess-" + attempt, camundaToken);
            assertThat(wrong.statusCode()).as("Tasklist login, guess %d", attempt).isEqualTo(401);
        }
        String authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes());
        HttpResponse<String> camundaApi = browser.send(HttpRequest.newBuilder(browser.uri("/engine-rest/user/" + user + "/profile"))
                .header("Authorization", authorization).GET());
        assertThat(camundaApi.statusCode()).as("Camunda's REST API: " + camundaApi.body()).isEqualTo(429);
        browser.get("/api/me");
        HttpResponse<String> form = browser.login(user, user, browser.cookie(SecurityConfiguration.CSRF_COOKIE).orElseThrow());
        assertThat(form.statusCode()).as("our login form: " + form.body()).isEqualTo(429);
        assertThat(browser.post("/camunda/api/admin/auth/user/default/login/tasklist", "username=chen.jie&password=chen.jie",
                camundaToken).statusCode()).as("Tasklist login of another user").isEqualTo(200);
    }

    @Test
    void aBurstOfParallelGuessesChecksLittleMoreThanTheFreeOnes() throws Exception {
        String user = Applicants.ensure(identity, "throttle.burst");
        Browser guesser = new Browser();
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int attempt = 1; attempt <= 60; attempt++) {
            String authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":guess-" + attempt).getBytes());
            burst.add(guesser.http.sendAsync(HttpRequest.newBuilder(guesser.uri("/api/me")).header("Authorization", authorization)
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        Map<Integer, Long> statuses = burst.stream().map(CompletableFuture::join)
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        // the free 20, and those already under way when the twentieth failed (at most the web server's 20 threads less one)
        assertThat(statuses.get(401)).as("passwords checked, of " + statuses).isBetween(20L, 39L);
        assertThat(statuses.get(429)).as("tries held off, of " + statuses).isEqualTo(60 - statuses.get(401));
    }

    private static HttpResponse<String> basic(Browser browser, String user, String password) throws Exception {
        String authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
        return browser.send(HttpRequest.newBuilder(browser.uri("/api/me")).header("Authorization", authorization).GET());
    }

    /** A cookie jar and a client, as a browser keeps them for one site. */
    private final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).header("X-Requested-With", "XMLHttpRequest").GET());
        }

        HttpResponse<String> login(String user, String password, String token) throws IOException, InterruptedException {
            return post("/api/login", "username=" + user + "&password=" + password, token);
        }

        HttpResponse<String> post(String path, String form, String token) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).header("X-Requested-With", "XMLHttpRequest")
                    .header("X-XSRF-TOKEN", token).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        Optional<String> cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst();
        }
    }
}
