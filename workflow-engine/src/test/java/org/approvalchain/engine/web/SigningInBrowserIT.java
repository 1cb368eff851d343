package org.approvalchain.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.Applicants;
import org.approvalchain.engine.support.SharedEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Signing in the browser, end to end in headless Chromium against the real engine: chen.jie
 * imports his demo key (registered on chain at start-up) under a passphrase, opens a
 * business-registration task from the inbox, reads the payload with the SM3 computed in the
 * browser, signs it there and gets a receipt whose transactions are in the blocks it names; a
 * wrong passphrase, a rejection without reasons, a payload issued before the case changed and a
 * user who is not a candidate, no registered key and a key that is not the registered one each
 * get their message; a key generated in the browser is enrolled
 * by proof of possession and registered once two administrators approve it; its encrypted backup
 * restores it in another browser; English has no untranslated key; axe-core finds no serious
 * violation on the key and decision pages.
 */
@SharedEngine
class SigningInBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSPHRASE = "陈杰的口令 2026";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcTemplate jdbc;

    private ChromeDriver browser;

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
    void anApproverImportsTheDemoKeyAndSignsADecisionThatIsOnChain() {
        String caseId = businessRegistrationAtTheOfficersReview();
        logInAndImportTheDemoKey();
        String fingerprint = chenJie().request("GET", "/api/me/keys", null).accepted().get(0).path("fingerprint").asText();
        assertThat(text("[data-test='browser-key-fingerprint']")).isEqualTo(fingerprint);
        assertThat(text("[data-test='browser-key-standing']")).isEqualTo("已登记，有效");
        fullPageScreenshot("keys-zh-CN");
        BrowserPage.assertNoSeriousAccessibilityViolations(browser, "keys");

        browser.findElement(By.cssSelector("a[href='/inbox']")).click();
        waitFor("[data-test='open-" + caseId + "']").sendKeys(Keys.ENTER);
        waitFor("[data-test='decide-link']").sendKeys(Keys.ENTER);
        BrowserPage.replaceText(waitFor("#decision-reasons"), "材料齐全，予以登记。");
        click("[data-test='prepare']");
        waitFor("[data-test='digests-agree']");
        assertThat(text("[data-test='sm3-browser']")).matches("0x[0-9a-f]{64}").isEqualTo(text("[data-test='sm3-engine']"));
        assertThat(text("[data-test='payload-decision']")).isEqualTo("准予");
        assertThat(text("[data-test='payload-reasons']")).isEqualTo("材料齐全，予以登记。");
        assertThat(text("[data-test='payload-fields']")).contains(caseId, "Activity_OfficerReview");
        assertThat(text("[data-test='case-state-fields']")).contains("enterpriseName", "北京网页签署测试科技有限公司")
                .doesNotContain("张三");
        fullPageScreenshot("decide-zh-CN");
        BrowserPage.assertNoSeriousAccessibilityViolations(browser, "decide");

        signWith(PASSPHRASE);
        String decisionTx = text("[data-test='receipt-decision-tx']");
        String stepTx = text("[data-test='receipt-step-tx']");
        assertThat(inBlockNamed("[data-test='receipt-decision-block']")).contains(decisionTx);
        assertThat(inBlockNamed("[data-test='receipt-step-block']")).contains(stepTx);
        assertThat(text("[data-test='receipt-case-state']")).isIn("办理中", "已办结");
        assertThat(chenJie().request("GET", "/api/tasks/done", null).accepted().toString()).contains(caseId);
        fullPageScreenshot("receipt-zh-CN");
        BrowserPage.assertNoSeriousAccessibilityViolations(browser, "receipt");
        BrowserPage.assertNoUntranslatedKeys(browser);
    }

    @Test
    void aRejectionWithoutReasonsAndAWrongPassphraseEachShowTheirMessageAndNothingIsSent() {
        String caseId = businessRegistrationAtTheOfficersReview();
        logInAndImportTheDemoKey();
        browser.get(base() + "/tasks/" + taskOf(caseId) + "/decide");
        click("[data-test='decision-REJECT']");
        click("[data-test='prepare']");
        assertThat(text("[data-test='decide-error']")).contains("必须填写理由");
        assertThat(browser.findElements(By.cssSelector("[data-test='payload-review']"))).isEmpty();

        BrowserPage.replaceText(waitFor("#decision-reasons"), "名称与在先登记的企业名称近似。");
        click("[data-test='prepare']");
        waitFor("[data-test='digests-agree']");
        assertThat(text("[data-test='payload-decision']")).isEqualTo("不予");
        click("[data-test='confirm']");
        BrowserPage.replaceText(waitFor("#sign-passphrase"), "not the passphrase");
        click("[data-test='sign']");
        assertThat(text("[data-test='decide-error']")).contains("口令错误");
        assertThat(text("[data-test='payload-reasons']")).as("nothing entered is lost").isEqualTo("名称与在先登记的企业名称近似。");
        assertThat(taskOf(caseId)).as("nothing was posted: the task is still open").isNotEmpty();
        assertThat(chenJie().caseView(caseId).path("openTasks").toString()).contains("Activity_OfficerReview");
    }

    @Test
    void aPayloadIssuedBeforeTheCaseChangedIsRefusedAndAFreshOneIsSigned() {
        String caseId = businessRegistrationAtTheOfficersReview();
        logInAndImportTheDemoKey();
        browser.get(base() + "/tasks/" + taskOf(caseId) + "/decide");
        click("[data-test='prepare']");
        waitFor("[data-test='digests-agree']");
        // the case changes after the payload was issued (in the database: the engine refuses to route around its steps)
        String process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult().getId();
        jdbc.update("UPDATE ACT_RU_VARIABLE SET TEXT_ = ? WHERE NAME_ = 'tradeName' AND PROC_INST_ID_ = ?",
                "改名" + UUID.randomUUID().toString().substring(0, 6), process);

        signWith(PASSPHRASE, "[data-test='decide-error']");
        assertThat(text("[data-test='decide-error']")).contains("案件在生成待签署内容后已发生变化", "tradeName");
        click("[data-test='refetch']");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-test='case-state-fields']"), "改名"));
        waitFor("[data-test='digests-agree']");
        signWith(PASSPHRASE);
        assertThat(text("[data-test='receipt-decision-tx']")).matches("0x[0-9a-f]{64}");
    }

    @Test
    void aUserWhoIsNotACandidateIsToldSoAndTheKeyAndDecisionPagesHaveNoUntranslatedKeyInEnglish() {
        String caseId = businessRegistrationAtTheOfficersReview();
        String taskId = taskOf(caseId);
        browser.get(base() + "/login");
        logIn("liu.yang");
        waitFor("[data-test='inbox-table']");
        browser.get(base() + "/tasks/" + taskId + "/decide");
        click("[data-test='prepare']");
        assertThat(text("[data-test='decide-error']")).contains("不是此任务的办理人");
        assertThat(text("[data-test='no-browser-key']")).contains("本浏览器中没有您的密钥");

        click("[data-test='locale-en']");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.tagName("h1"), "Review and sign"));
        click("[data-test='prepare']");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-test='decide-error']"), "You are not among those who handle this task"));
        BrowserPage.assertNoSeriousAccessibilityViolations(browser, "decide (English)");
        click("[data-test='nav-keys']");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.tagName("h1"), "My key"));
        waitFor("[data-test='browser-keys']");
        fullPageScreenshot("keys-en");
        BrowserPage.assertNoSeriousAccessibilityViolations(browser, "keys (English)");
        BrowserPage.assertNoUntranslatedKeys(browser);
    }

    @Test
    void aKeyGeneratedInTheBrowserIsEnrolledByProofOfPossessionAndRegisteredAfterTwoAdministrators() {
        String user = Applicants.ensure(identity, "web.key-holder-" + UUID.randomUUID().toString().substring(0, 8));
        browser.get(base() + "/login");
        logIn(user);
        click("[data-test='nav-keys']");
        assertThat(text("[data-test='browser-keys']")).contains("本浏览器中还没有密钥");
        click("[data-test='key-mode-generate']");
        BrowserPage.replaceText(waitFor("#key-passphrase"), "short");
        BrowserPage.replaceText(browser.findElement(By.id("key-passphrase-repeat")), "short");
        click("[data-test='key-add-submit']");
        assertThat(text("[data-test='key-add-error']")).contains("至少需要 8 个字符");
        generateKey();
        assertThat(text("[data-test='browser-key-standing']")).isEqualTo("等待两名管理员批准（0/2）");

        ApiClient me = ApiClient.demoUser(base(), user);
        JsonNode enrolment = me.request("GET", "/api/me/key-enrolments", null).accepted().get(0);
        assertThat(enrolment.path("state").asText()).as("the proof of possession verified on the server").isEqualTo("REQUESTED");
        assertThat(text("[data-test='browser-key-fingerprint']")).isEqualTo(enrolment.path("fingerprint").asText());
        assertThat(browser.getPageSource()).as("the private key is never shown").doesNotContain("PRIVATE KEY");
        ApiClient.demoUser(base(), "demo").approveEnrolment(enrolment.path("id").asLong()).accepted();
        ApiClient.demoUser(base(), "he.ping").approveEnrolment(enrolment.path("id").asLong()).accepted();
        browser.navigate().refresh();
        assertThat(text("[data-test='browser-key-standing']")).isEqualTo("已登记，有效");
        assertThat(text("[data-test='registered-keys']")).contains(enrolment.path("fingerprint").asText(), "demo", "he.ping");
        assertThat(text("h2:last-of-type")).isEqualTo("更换密钥");
    }

    @Test
    void aDecisionSignedWithoutARegisteredKeyOrWithAnotherKeyIsRefusedAndSignedAgainWithTheRightOne() {
        String officer = Applicants.ensure(identity, "web.officer-" + UUID.randomUUID().toString().substring(0, 8));
        identity.createMembership(officer, "registration-officers");
        String caseId = businessRegistrationAtTheOfficersReview();
        browser.get(base() + "/login");
        logIn(officer);
        click("[data-test='nav-keys']");
        generateKey();
        String registered = text("[data-test='browser-key-fingerprint']");
        String decide = "/tasks/" + taskOf(caseId) + "/decide";
        browser.get(base() + decide);
        click("[data-test='prepare']");
        signWith(PASSPHRASE, "[data-test='decide-error']");
        assertThat(text("[data-test='decide-error']")).contains("您在链上没有有效的登记密钥", "NO_KEY_REGISTERED");

        ApiClient me = ApiClient.demoUser(base(), officer);
        long enrolment = me.request("GET", "/api/me/key-enrolments", null).accepted().get(0).path("id").asLong();
        ApiClient.demoUser(base(), "demo").approveEnrolment(enrolment).accepted();
        ApiClient.demoUser(base(), "he.ping").approveEnrolment(enrolment).accepted();
        browser.get(base() + "/keys");
        generateKey();
        browser.get(base() + decide);
        click("[data-test='prepare']");
        waitFor("[data-test='digests-agree']");
        click("[data-test='sign-key']");
        click(".el-select-dropdown__item:not(.is-selected)");
        signWith(PASSPHRASE, "[data-test='decide-error']");
        assertThat(text("[data-test='decide-error']")).contains("签名验证失败", "DOES_NOT_VERIFY");

        click("[data-test='sign-key']");
        click(".el-select-dropdown__item:not(.is-selected)");
        assertThat(text("[data-test='sign-key']")).startsWith(registered.substring(0, 18));
        signWith(PASSPHRASE);
        assertThat(text("[data-test='receipt-decision-tx']")).matches("0x[0-9a-f]{64}");
    }

    @Test
    void anEncryptedBackupRestoresTheKeyInAnotherBrowser() throws Exception {
        Path downloads = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "downloads-");
        logInAndImportTheDemoKey();
        String fingerprint = text("[data-test='browser-key-fingerprint']");
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        click("[data-test='backup']");
        Path backup = new WebDriverWait(browser, WAIT).until(b -> {
            try (var files = Files.list(downloads)) {
                return files.filter(f -> f.toString().endsWith(".sm2-backup.json")).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
        String sealed = Files.readString(backup);
        JsonNode record = new ObjectMapper().readTree(sealed);
        assertThat(record.path("fingerprint").asText()).isEqualTo(fingerprint);
        assertThat(record.path("kdf").path("iterations").asInt()).isGreaterThanOrEqualTo(600_000);
        assertThat(sealed).doesNotContain("PRIVATE KEY").doesNotContain(demoKeyPem().lines().skip(1).findFirst().orElseThrow());

        browser.quit();
        browser = HeadlessChromium.start();
        browser.get(base() + "/login");
        logIn("chen.jie");
        click("[data-test='nav-keys']");
        assertThat(text("[data-test='browser-keys']")).as("a fresh browser holds no key").contains("本浏览器中还没有密钥");
        click("[data-test='key-mode-backup']");
        BrowserPage.replaceText(waitFor("#key-text"), sealed);
        BrowserPage.replaceText(browser.findElement(By.id("key-passphrase")), "not the passphrase");
        click("[data-test='key-add-submit']");
        assertThat(text("[data-test='key-add-error']")).contains("口令错误");
        BrowserPage.replaceText(browser.findElement(By.id("key-passphrase")), PASSPHRASE);
        click("[data-test='key-add-submit']");
        assertThat(text("[data-test='keys-notice']")).contains("已在链上登记");
        assertThat(text("[data-test='browser-key-fingerprint']")).isEqualTo(fingerprint);
        assertThat(text("[data-test='browser-key-standing']")).isEqualTo("已登记，有效");
    }

    private String businessRegistrationAtTheOfficersReview() {
        ApiClient applicant = ApiClient.demoUser(base(), Applicants.ensure(identity, "web.signing-applicant"));
        String started = applicant.startCase("business-registration", Map.of("enterpriseName", "北京网页签署测试科技有限公司",
                "tradeName", "签署" + UUID.randomUUID().toString().substring(0, 8), "industry", "软件和信息技术服务业",
                "materialsSubmitted", 5), Map.of("name", "张三"));
        applicant.awaitOpenTask(started, "Activity_OfficerReview", WAIT);
        return started;
    }

    /** chen.jie logs in and imports his demo key (PKCS#8, written by the engine at start-up) under the passphrase. */
    private void logInAndImportTheDemoKey() {
        browser.get(base() + "/login");
        logIn("chen.jie");
        click("[data-test='nav-keys']");
        waitFor("[data-test='browser-keys']");
        BrowserPage.replaceText(waitFor("#key-text"), demoKeyPem());
        BrowserPage.replaceText(browser.findElement(By.id("key-passphrase")), PASSPHRASE);
        BrowserPage.replaceText(browser.findElement(By.id("key-passphrase-repeat")), PASSPHRASE);
        click("[data-test='key-add-submit']");
        assertThat(text("[data-test='keys-notice']")).contains("已在链上登记");
    }

    /** Generates a key in the browser under the passphrase, on the key page; the page enrols it. */
    private void generateKey() {
        click("[data-test='key-mode-generate']");
        BrowserPage.replaceText(waitFor("#key-passphrase"), PASSPHRASE);
        BrowserPage.replaceText(browser.findElement(By.id("key-passphrase-repeat")), PASSPHRASE);
        click("[data-test='key-add-submit']");
        assertThat(text("[data-test='keys-notice']")).contains("等待两名管理员批准");
    }

    private static String demoKeyPem() {
        try {
            return Files.readString(SharedEngine.DATA_DIR.resolve(Path.of("demo-keys", "chen.jie.key.pem")));
        } catch (IOException e) {
            throw new IllegalStateException("the engine wrote no demo key for chen.jie", e);
        }
    }

    /** Confirms, enters the passphrase and signs; waits for the receipt, or for {@code outcome}. */
    private void signWith(String passphrase, String... outcome) {
        click("[data-test='confirm']");
        BrowserPage.replaceText(waitFor("#sign-passphrase"), passphrase);
        click("[data-test='sign']");
        waitFor(outcome.length > 0 ? outcome[0] : "[data-test='receipt']");
    }

    /** The transaction hashes of the block that the receipt's link names, as the engine gives the block. */
    private List<String> inBlockNamed(String link) {
        String href = waitFor(link).getAttribute("href");
        long number = Long.parseLong(href.substring(href.lastIndexOf('/') + 1));
        assertThat(waitFor(link).getText()).isEqualTo("区块 " + number);
        return StreamSupport.stream(chenJie().block(number).path("transactionHashes").spliterator(), false)
                .map(JsonNode::asText).toList();
    }

    private String taskOf(String caseId) {
        return StreamSupport.stream(chenJie().myTasks().spliterator(), false)
                .filter(task -> caseId.equals(task.path("caseId").asText())).findFirst().orElseThrow()
                .path("taskId").asText();
    }

    private ApiClient chenJie() {
        return ApiClient.demoUser(base(), "chen.jie");
    }

    private void logIn(String user) {
        BrowserPage.replaceText(waitFor("#login-username"), user);
        BrowserPage.replaceText(browser.findElement(By.id("login-password")), user);
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-test='login-submit']"))).click();
        waitFor("[data-test='current-user']");
    }

    /** The whole page, not only what the window shows: the window grows to the page's height for the picture. */
    private void fullPageScreenshot(String name) {
        Dimension window = browser.manage().window().getSize();
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(window.getWidth(), (int) height + 140));
        HeadlessChromium.screenshot(browser, name);
        browser.manage().window().setSize(window);
    }

    private void click(String css) {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }


    /** The visible element; when it does not come, a screenshot of what the page shows instead ({@code missing-*.png}). */
    private WebElement waitFor(String css) {
        try {
            return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        } catch (TimeoutException e) {
            HeadlessChromium.screenshot(browser, "missing-" + css.replaceAll("[^a-z-]", ""));
            throw e;
        }
    }

    private String text(String css) {
        return waitFor(css).getText();
    }



    private String base() {
        return "http://localhost:" + port;
    }
}
