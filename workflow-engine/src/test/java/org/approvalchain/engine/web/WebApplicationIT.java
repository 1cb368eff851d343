package org.approvalchain.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.engine.calendar.WorkingDays;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.Reply;
import org.approvalchain.engine.support.Applicants;
import org.approvalchain.engine.support.BusinessRegistration;
import org.approvalchain.engine.support.SharedEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The approver's workspace in a real headless Chromium against the real engine: the pages the
 * engine serves from its jar, the login form, the inbox with a business-registration case started
 * through the API, the case page, by keyboard; Chinese and English with no untranslated key;
 * axe-core finds no serious or critical accessibility violation. Screenshots go to {@code target/screenshots}.
 */
@SharedEngine
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebApplicationIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    ManagementService management;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    private String caseId;
    private ChromeDriver browser;

    @BeforeAll
    void aBusinessRegistrationCaseWaitsForTheRegistrationOfficers() {
        caseId = businessRegistrationAtTheOfficersReview();
    }

    private String businessRegistrationAtTheOfficersReview() {
        ApiClient applicant = ApiClient.demoUser(base(), Applicants.ensure(identity, "web.applicant"));
        String started = applicant.startCase("business-registration", Map.of("enterpriseName", "北京网页测试科技有限公司",
                "tradeName", "网页" + UUID.randomUUID().toString().substring(0, 8), "industry", "软件和信息技术服务业",
                "materialsSubmitted", 5), Map.of("name", "张三"));
        applicant.awaitOpenTask(started, "Activity_OfficerReview", WAIT);
        return started;
    }

    /**
     * The whole days the inbox shows as left on the case's review (as format.js counts them), from
     * the deadline the API gives: 3 working days after the case arrived are 3 to 5 days or more
     * (a weekend, a holiday) depending on the day and hour in China.
     */
    private long daysLeftUntilTheDeadline() {
        JsonNode review = ApiClient.demoUser(base(), "chen.jie").awaitTask(caseId, "the officer's review",
                task -> "Activity_OfficerReview".equals(task.path("activityId").asText()), WAIT);
        return Duration.between(Instant.now(), Instant.parse(review.path("deadline").asText())).toDays();
    }

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anApproverLogsInSeesTheTaskInTheInboxAndOpensIt() {
        browser.get(base() + "/");
        waitFor(By.id("login-username"));
        assertThat(browser.getCurrentUrl()).as("a signed-out visitor is sent to the login").contains("/login");
        HeadlessChromium.screenshot(browser, "login-zh-CN");
        BrowserPage.assertNoSeriousAccessibilityViolations(browser, "login");

        // by keyboard: the user name, Tab to the password, Enter submits
        waitFor(By.id("login-username")).sendKeys("chen.jie", Keys.TAB);
        browser.switchTo().activeElement().sendKeys("chen.jie", Keys.ENTER);
        WebElement link = waitFor(By.cssSelector("[data-test='open-" + caseId + "']"));
        assertThat(text(By.cssSelector("[data-test='current-user']"))).contains("陈杰");
        WebElement row = link.findElement(By.xpath("ancestor::tr"));
        assertThat(row.getText()).contains("企业开办", "登记员审查", "3 个工作日", "registration-officers");
        WebElement timeLeft = row.findElement(By.cssSelector("[data-test='time-left']"));
        assertThat(timeLeft.getText()).as("just received: the days left until the case's deadline (3 working days)")
                .matches(daysLeftUntilTheDeadline() + " 天.*");
        assertThat(timeLeft.getAttribute("class")).doesNotContain("overdue");
        assertThat(text(By.cssSelector("[data-test='process-business-registration']"))).contains("企业开办");
        HeadlessChromium.screenshot(browser, "inbox-zh-CN");
        BrowserPage.assertNoSeriousAccessibilityViolations(browser, "inbox");

        BrowserPage.replaceText(browser.findElement(By.id("inbox-search")), "no-such-case");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("[data-test='open-" + caseId + "']")));
        BrowserPage.replaceText(browser.findElement(By.id("inbox-search")), caseId.substring(0, 8));

        waitFor(By.cssSelector("[data-test='open-" + caseId + "']")).sendKeys(Keys.ENTER);
        waitFor(By.cssSelector("[data-test='case-basics']"));
        assertThat(text(By.cssSelector("[data-test='case-id']"))).isEqualTo(caseId);
        assertThat(text(By.cssSelector("[data-test='case-basics']"))).contains("business-registration", "办理中", "登记员审查");
        assertThat(text(By.cssSelector("[data-test='case-variables']"))).contains("北京网页测试科技有限公司")
                .doesNotContain("张三");
        HeadlessChromium.screenshot(browser, "case-zh-CN");
        BrowserPage.assertNoUntranslatedKeys(browser);
    }

    @Test
    void theOfficerAsksForAnExtensionFromTheDecidePageAndTheHeadGetsTheTask() {
        String kase = businessRegistrationAtTheOfficersReview();
        ApiClient chenJie = ApiClient.demoUser(base(), "chen.jie");
        String taskId = chenJie.awaitOpenTask(kase, "Activity_OfficerReview", WAIT);
        browser.get(base() + "/login");
        logIn("chen.jie", "chen.jie");
        waitFor(By.cssSelector("[data-test='inbox-table']"));
        browser.get(base() + "/tasks/" + taskId + "/decide");

        waitFor(By.cssSelector("[data-test='extension-open']")).sendKeys(Keys.ENTER);
        waitFor(By.cssSelector("[data-test='extension-submit']")).click();
        assertThat(text(By.cssSelector("[data-test='extension-error']"))).contains("请填写延长的理由");
        BrowserPage.replaceText(browser.findElement(By.id("extension-reason")), "经营范围涉及前置审批，需核实许可文件");
        browser.findElement(By.cssSelector("[data-test='extension-submit']")).click();

        assertThat(text(By.cssSelector("[data-test='extension-sent']"))).contains("由负责人决定");
        BrowserPage.assertNoSeriousAccessibilityViolations(browser, "decide with an extension request");
        ApiClient.demoUser(base(), "zhao.lei").awaitOpenTask(kase, "Activity_ApproveExtension", WAIT);
    }

    @Test
    void aSupervisorRaisesAQueryFromTheCasePageAndTheHeadGetsAReviewTask() {
        ApiClient applicant = ApiClient.demoUser(base(), Applicants.ensure(identity, "web.relief.applicant"));
        String relief = applicant.startCase("relief-fund", Map.of("hardship", "住房火灾，基本生活暂时出现严重困难",
                "householdSize", 2, "monthlyIncomePerCapita", 600, "requestedAmount", 3000, "tranches", 3,
                "trancheAmount", 1000), Map.of("name", "赵救助"));
        applicant.awaitOpenTask(relief, "Activity_OfficerReview", WAIT);
        // a legal reviewer reads the case but does not supervise its process: no query for them
        browser.get(base() + "/login");
        logIn("zheng.lu", "zheng.lu");
        waitFor(By.cssSelector("[data-test='current-user']"));
        browser.get(base() + "/cases/" + relief);
        waitFor(By.cssSelector("[data-test='case-basics']"));
        assertThat(browser.findElements(By.cssSelector("[data-test='supervision-open']"))).isEmpty();
        browser.manage().deleteAllCookies();

        browser.get(base() + "/login");
        logIn("qian.shen", "qian.shen");
        waitFor(By.cssSelector("[data-test='current-user']"));
        browser.get(base() + "/cases/" + relief);

        waitFor(By.cssSelector("[data-test='supervision-open']")).sendKeys(Keys.ENTER);
        BrowserPage.replaceText(waitFor(By.id("supervision-reason")), "请复核家庭收入核算是否包含临时性收入");
        browser.findElement(By.cssSelector("[data-test='supervision-submit']")).click();

        assertThat(text(By.cssSelector("[data-test='supervision-sent']"))).contains("复核任务");
        BrowserPage.assertNoSeriousAccessibilityViolations(browser, "case page with a supervisor's query");
        ApiClient.demoUser(base(), "xu.jun").awaitOpenTask(relief, "Activity_AnswerQuery", WAIT);
    }

    @Test
    void theInboxApiGivesTheStepsStatutoryTimeLimitAndTheCasesDeadline() {
        JsonNode task = StreamSupport.stream(ApiClient.demoUser(base(), "chen.jie").myTasks().spliterator(), false)
                .filter(t -> caseId.equals(t.path("caseId").asText())).findFirst().orElseThrow();
        assertThat(task.path("processKey").asText()).isEqualTo("business-registration");
        assertThat(task.path("processVersion").asInt()).isPositive();
        assertThat(task.path("candidateGroups")).extracting(JsonNode::asText).containsExactly("registration-officers");
        assertThat(task.path("timeLimit").asText()).isEqualTo("3 working days");
        Instant received = Instant.parse(task.path("created").asText());
        assertThat(Instant.parse(task.path("deadline").asText())).as("the time limit's timer in this case: 24:00 in "
                + "Beijing on the third working day after the day received").isEqualTo(WorkingDays
                .load(null, ZoneId.of("Asia/Shanghai")).deadline(received, 3));
    }

    @Test
    void anOverdueTaskShowsHowLongItIsOverdueInRed() {
        String overdue = businessRegistrationAtTheOfficersReview();
        // the time limit ran out an hour ago; its timer is held so that the case stays with the officers
        Job timer = management.createJobQuery().timers().activityId("Event_TimeLimit").processInstanceId(
                runtime.createProcessInstanceQuery().processInstanceBusinessKey(overdue).singleResult().getId()).singleResult();
        management.suspendJobById(timer.getId());
        // (on the entity: the command that moves a due date is refused to everyone, see RoutingGuard)
        Date anHourAgo = Date.from(Instant.now().minus(Duration.ofMinutes(61)));
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> {
                    context.getJobManager().findJobById(timer.getId()).setDuedate(anHourAgo);
                    return null;
                });

        browser.get(base() + "/login");
        logIn("chen.jie", "chen.jie");
        WebElement timeLeft = waitFor(By.cssSelector("[data-test='open-" + overdue + "']")).findElement(By.xpath("ancestor::tr"))
                .findElement(By.cssSelector("[data-test='time-left']"));
        assertThat(timeLeft.getText()).matches("已超期 1 小时 [1-3] 分钟");
        assertThat(timeLeft.getAttribute("class")).contains("overdue");
        assertThat(timeLeft.getCssValue("color")).isEqualTo("rgba(185, 28, 28, 1)");
        assertThat(browser.findElements(By.cssSelector("[data-test='time-left']")).get(0).getText())
                .as("the most urgent first").startsWith("已超期");

        chooseStanding("overdue");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("[data-test='time-left']"))
                .stream().allMatch(left -> left.getText().startsWith("已超期")));
        assertThat(browser.findElements(By.cssSelector("[data-test='open-" + overdue + "']"))).hasSize(1);
        chooseStanding("onTime");
        new WebDriverWait(browser, Duration.ofSeconds(10)).withMessage("the overdue task filtered out")
                .until(d -> d.findElements(By.cssSelector("[data-test='open-" + overdue + "']")).isEmpty());
    }

    /** Picks a time-limit standing in the inbox's filter (overdue, dueSoon, onTime, noTimeLimit). */
    private void chooseStanding(String standing) {
        waitFor(By.cssSelector("[data-test='standing-filter']")).click();
        WebElement option = waitFor(By.cssSelector("[data-test='standing-" + standing + "']"));
        // the option list slides open: until it has settled, a click can land on the option beside it
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(ElementClickInterceptedException.class).until(d -> {
            option.click();
            return true;
        });
    }

    @Test
    void aUserWhoIsNotACandidateDoesNotSeeTheTask() {
        browser.get(base() + "/login");
        logIn("liu.yang", "liu.yang");
        waitFor(By.cssSelector("[data-test='inbox-table']"));
        waitForLoaded();
        assertThat(browser.findElements(By.cssSelector("[data-test='open-" + caseId + "']"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(caseId);
    }

    @Test
    void aWrongPasswordShowsItsMessageInEitherLanguage() {
        String user = Applicants.ensure(identity, "web.wrong-password");
        browser.get(base() + "/login");
        logIn(user, "not-the-password");
        assertThat(waitFor(By.cssSelector("[data-test='login-error']")).getText()).contains("用户名或密码错误");

        browser.findElement(By.cssSelector("[data-test='locale-en']")).click();
        logIn(user, "still-not-the-password");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-test='login-error']"), "Wrong user name or password"));
        assertThat(browser.getCurrentUrl()).contains("/login");
        BrowserPage.assertNoUntranslatedKeys(browser);
    }

    @Test
    void theApplicantSendsCorrectionsFromTheCasePageByKeyboardAndTheyAreAnchoredOnChain() {
        ApiClient applicant = ApiClient.demoUser(base(), Applicants.ensure(identity, "web.applicant"));
        String returned = BusinessRegistration.returnedForCorrection(applicant, WAIT);

        browser.get(base() + "/login");
        logIn("web.applicant", "web.applicant");
        waitFor(By.cssSelector("[data-test='current-user']"));
        browser.get(base() + "/cases");
        BrowserPage.replaceText(waitFor(By.cssSelector("input[data-test='search-case-id']")), returned);
        browser.findElement(By.cssSelector("input[data-test='search-case-id']")).sendKeys(Keys.ENTER);
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class) // the table renders the search anew
                .until(found -> found.findElements(By.cssSelector("[data-test='case-link']")).stream()
                        .map(WebElement::getText).toList().equals(List.of(returned)));
        assertThat(text(By.cssSelector("[data-test='awaiting-corrections-submitted']"))).isEqualTo("待申请人补正");
        browser.findElement(By.cssSelector("[data-test='case-link']")).sendKeys(Keys.ENTER);
        WebElement materials = waitFor(By.id("correction-materialsSubmitted"));
        assertThat(materials.getAttribute("value")).as("the field as the case shows it").isEqualTo("4");
        BrowserPage.replaceText(materials, "5");
        browser.findElement(By.id("correction-note")).sendKeys("已补齐公司章程");
        HeadlessChromium.screenshot(browser, "case-corrections-zh-CN");
        BrowserPage.assertNoSeriousAccessibilityViolations(browser, "corrections");
        browser.findElement(By.cssSelector("[data-test='corrections-submit']")).sendKeys(Keys.ENTER);
        assertThat(waitFor(By.cssSelector("[data-test='corrections-sent']")).getText()).contains("链上存证");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-test='case-variables']"), "已补齐公司章程"));
        assertThat(text(By.cssSelector("[data-test='case-variables']"))).as("the engine's variables by name, its times as dates")
                .contains("补正说明", "补正提交人", "补正提交时间", "申请人账号").doesNotContainPattern("\\d{13}");
        HeadlessChromium.screenshot(browser, "case-corrections-sent-zh-CN");

        applicant.awaitOpenTask(returned, "Activity_OfficerReview", WAIT);
        JsonNode view = applicant.caseView(returned);
        assertThat(view.path("variables").path("materialsSubmitted").asLong()).isEqualTo(5);
        assertThat(view.path("variables").path("correctionNote").asText()).isEqualTo("已补齐公司章程");
        Reply verified = ApiClient.demoUser(base(), "zheng.lu").request("GET", "/api/cases/" + returned + "/verify", null);
        assertThat(verified.body().path("clean").asBoolean()).as("the corrections anchored: %s", verified.text()).isTrue();
    }

    @Test
    void theApplicantAsksForAHumanReviewOfAnAutomatedRefusalFromTheCasePage() {
        ApiClient applicant = ApiClient.demoUser(base(), Applicants.ensure(identity, "web.applicant"));
        String refused = applicant.startCase("real-estate-transfer", Map.of("propertyCertificateNo", "京(2025)海淀区不动产权第0067890号",
                "sellerRef", "S-110108-0002", "buyerRef", "B-110108-0203", "taxVoucherNo", "DT-2025-110108-0000999"),
                Map.of("name", "钱七"));
        applicant.awaitCase(refused, "holding its automated refusal open for review", view -> view.get("awaiting").toString()
                .contains("review-requested") ? Optional.of(view) : Optional.empty(), WAIT);

        browser.get(base() + "/login");
        logIn("web.applicant", "web.applicant");
        waitFor(By.cssSelector("[data-test='current-user']"));
        browser.get(base() + "/cases/" + refused);
        waitFor(By.cssSelector("[data-test='review-open']")).sendKeys(Keys.ENTER);
        waitFor(By.id("review-reason")).sendKeys("契税已于昨日缴纳，凭证号 DT-2025-110108-0000999");
        browser.findElement(By.cssSelector("[data-test='review-submit']")).sendKeys(Keys.ENTER);
        assertThat(waitFor(By.cssSelector("[data-test='review-sent']")).getText()).contains("复核");

        applicant.awaitOpenTask(refused, "Activity_HumanReview", WAIT);
    }

    @Test
    void aUserWhosePasswordIsBeingGuessedIsToldToWaitInEitherLanguage() throws InterruptedException {
        String user = Applicants.ensure(identity, "web.guessed");
        String loopback = "http://127.0.0.1:" + port; // one client address for the guesses and the browser
        browser.get(loopback + "/login");
        BrowserPage.replaceText(waitFor(By.id("login-username")), user);
        BrowserPage.replaceText(browser.findElement(By.id("login-password")), user);

        // twenty wrong passwords are free; each one more, after the wait the last one set, doubles it (1, 2, 4, then 8 s)
        ApiClient guesser = ApiClient.of(loopback, user, "guess");
        for (int guess = 1; guess <= 23; guess++) {
            if (guess > 20) {
                Thread.sleep((1000L << (guess - 21)) + 100);
            }
            assertThat(guesser.request("GET", "/api/me", null).status()).as("guess %d", guess).isEqualTo(401);
        }
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-test='login-submit']"))).click();
        assertThat(waitFor(By.cssSelector("[data-test='login-error']")).getText()).matches("密码错误次数过多，请 [1-8] 秒后再试。");
        HeadlessChromium.screenshot(browser, "login-too-many-wrong-passwords-zh-CN");

        browser.findElement(By.cssSelector("[data-test='locale-en']")).click();
        logIn(user, user); // still within the 8 s
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-test='login-error']"), "Too many wrong passwords: try again in "));
        assertThat(browser.getCurrentUrl()).contains("/login");
        BrowserPage.assertNoUntranslatedKeys(browser);
    }

    @Test
    void bothLanguagesRenderWithNoUntranslatedKeyAndTheChoiceIsRemembered() {
        browser.get(base() + "/login");
        logIn("chen.jie", "chen.jie");
        waitFor(By.cssSelector("[data-test='open-" + caseId + "']"));
        for (String page : List.of("/done", "/cases/" + caseId, "/inbox")) {
            browser.get(base() + page);
            waitForLoaded();
        }
        assertThat(text(By.tagName("h1"))).isEqualTo("待办");
        BrowserPage.assertNoUntranslatedKeys(browser);

        browser.findElement(By.cssSelector("[data-test='locale-en']")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.tagName("h1"), "Inbox"));
        String row = waitFor(By.cssSelector("[data-test='open-" + caseId + "']")).findElement(By.xpath("ancestor::tr")).getText();
        assertThat(row).contains("3 working days", daysLeftUntilTheDeadline() + " d");
        HeadlessChromium.screenshot(browser, "inbox-en");
        BrowserPage.assertNoSeriousAccessibilityViolations(browser, "inbox (English)");
        for (String page : List.of("/done", "/cases/" + caseId, "/login", "/inbox")) {
            browser.get(base() + page);
            waitForLoaded();
        }
        assertThat(text(By.tagName("h1"))).as("English remembered across reloads").isEqualTo("Inbox");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        BrowserPage.assertNoUntranslatedKeys(browser);
    }

    @Test
    void logoutAndAnExpiredSessionBothLeadBackToTheLogin() {
        browser.get(base() + "/login");
        logIn("chen.jie", "chen.jie");
        waitFor(By.cssSelector("[data-test='inbox-table']"));

        browser.manage().deleteCookieNamed("JSESSIONID");
        browser.findElement(By.cssSelector("[data-test='refresh']")).click();
        assertThat(waitFor(By.cssSelector("[data-test='login-expired']")).getText()).contains("会话已过期");

        logIn("chen.jie", "chen.jie");
        waitFor(By.cssSelector("[data-test='logout']")).click();
        waitFor(By.id("login-username"));
        browser.get(base() + "/inbox");
        waitFor(By.id("login-username"));
        assertThat(browser.getCurrentUrl()).contains("/login");
    }

    private void logIn(String user, String password) {
        BrowserPage.replaceText(waitFor(By.id("login-username")), user);
        BrowserPage.replaceText(browser.findElement(By.id("login-password")), password);
        // enabled once the page knows nobody is signed in (and has the CSRF cookie)
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-test='login-submit']"))).click();
    }




    private void waitForLoaded() {
        waitFor(By.tagName("h1"));
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".el-loading-mask")));
    }

    private WebElement waitFor(By what) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    private String text(By what) {
        return waitFor(what).getText();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
