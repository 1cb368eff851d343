package org.approvalchain.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.approvalchain.engine.crypto.Sm3;
import org.approvalchain.engine.demo.camunda.DemoUsers;
import org.approvalchain.engine.keys.RegisteredKeys;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.Applicants;
import org.approvalchain.engine.support.BusinessRegistration;
import org.approvalchain.engine.support.Sm2DecisionSigner;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case page, the case search, the administrators' enrolment page and the public licence check in
 * a real headless Chromium against the real engine: the diagram drawn with the case's current step
 * marked, the automated results and materials with their transactions, a legal reviewer's audit
 * trail and verification (an edited result reported at its step and block), four-eyes approval of
 * a key by two administrators, a licence issued by a case this test decides and an invoice
 * issued by a case (by its number and its file, hashed in the browser), each checked without logging in,
 * and the applicant's 办事申请 page filling an application from their business licence by keyboard.
 * axe-core finds no serious or critical violation on each page; both languages have every message.
 */
@BrowserTest
class CasePagesIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    IdentityService identity;

    @Autowired
    DemoUsers users;

    @Autowired
    RegisteredKeys keys;

    @Autowired
    JdbcTemplate jdbc;

    private BrowserPage page;

    @BeforeEach
    void openBrowser(BrowserPage page) {
        this.page = page;
    }

    @Test
    void theCasePageDrawsTheDiagramWithTheCurrentStepAndListsAutomatedResultsWithTheirTransactions() {
        ApiClient applicant = ApiClient.demoUser(page.base(), Applicants.ensure(identity, "case-page.applicant"));
        String caseId = BusinessRegistration.atTheOfficersReview(applicant, WAIT);
        page.openAs("chen.jie", "/cases/" + caseId);

        WebElement current = page.waitFor(By.cssSelector(".djs-element.ac-current[data-element-id='Activity_OfficerReview']"));
        assertThat(current.getAttribute("class")).doesNotContain("ac-visited");
        assertThat(page.browser.findElements(By.cssSelector(".djs-element.ac-visited[data-element-id='Activity_CheckMaterials']")))
                .as("the path taken").hasSize(1);
        assertThat(page.browser.findElements(By.cssSelector(".djs-element.ac-current"))).as("the step, in its review stage")
                .extracting(element -> element.getAttribute("data-element-id"))
                .containsExactlyInAnyOrder("Activity_Review", "Activity_OfficerReview");
        assertThat(page.browser.findElements(By.cssSelector(".djs-element[data-element-id='Activity_IssueLicence'].ac-visited")))
                .as("not reached yet").isEmpty();
        assertThat(page.browser.findElements(By.cssSelector("[data-test='case-path'] li.current"))).as("the stage and its step")
                .extracting(WebElement::getText).anySatisfy(step -> assertThat(step).contains("登记员审查", "当前环节"));

        String automated = page.text(By.cssSelector("[data-test='case-automated']"));
        assertThat(automated).contains("EligibilityRule.evaluate", "材料齐全性核验", "企业名称比对").containsPattern("0x[0-9a-f]{64}");
        String callTx = applicant.caseView(caseId).path("steps").get(0).path("callTxHash").asText();
        assertThat(automated).contains(callTx);
        assertThat(page.browser.findElements(By.cssSelector("[data-test='case-automated'] [data-test='block-link']")))
                .isNotEmpty().allSatisfy(link -> assertThat(link.getAttribute("href")).matches(".*/chain/blocks/\\d+"));
        assertThat(page.text(By.cssSelector("[data-test='case-legal-basis']"))).contains("登记员审查", "市场主体登记管理条例》第十九条");
        assertThat(page.text(By.cssSelector("[data-test='case-variables']"))).doesNotContain(BusinessRegistration.APPLICANT_NAME);
        assertThat(page.text(By.cssSelector("[data-test='case-decisions']"))).contains("尚无决定");
        assertThat(page.text(By.cssSelector("[data-test='open-task-deadline']"))).as("the deadline in working days")
                .contains("时限 3 个工作日", "截止");
        page.screenshot("case-officer-review-zh-CN");
        page.screenshotOf(By.cssSelector("[data-test='case-diagram']"), "case-diagram-zh-CN");
        page.assertNoSeriousAccessibilityViolations("case page");

        page.waitFor(By.cssSelector("[data-test='show-personal-data']")).sendKeys(Keys.ENTER);
        assertThat(page.text(By.cssSelector("[data-test='personal-data']"))).contains(BusinessRegistration.APPLICANT_NAME);
        page.assertNoUntranslatedKeys();

        page.browser.findElement(By.cssSelector("[data-test='locale-en']")).click();
        page.waitForText(By.tagName("h1"), "Case");
        assertThat(page.text(By.cssSelector("[data-test='case-path'] li.current"))).contains("current step");
        page.screenshotOf(By.cssSelector("[data-test='case-automated']"), "case-automated-en");
        page.assertNoUntranslatedKeys();
    }

    @Test
    void aLegalReviewerFindsADecidedCaseReadsItsTrailAndVerifiesItAgainstTheChain() {
        ApiClient applicant = ApiClient.demoUser(page.base(), Applicants.ensure(identity, "audit-page." + UUID.randomUUID()));
        String caseId = BusinessRegistration.approved(page.base(), applicant, WAIT);
        page.openAs("zheng.lu", "/cases");

        page.waitFor(By.cssSelector("[data-test='nav-cases']"));
        BrowserPage.replaceText(page.waitFor(By.cssSelector("input[data-test='search-case-id']")), caseId);
        page.browser.findElement(By.cssSelector("input[data-test='search-case-id']")).sendKeys(Keys.ENTER);
        page.waitForText(By.cssSelector("[data-test='cases-table']"), caseId);
        assertThat(page.browser.findElements(By.cssSelector("[data-test='case-link']"))).singleElement()
                .satisfies(link -> assertThat(link.getText()).isEqualTo(caseId));
        assertThat(page.text(By.cssSelector("[data-test='cases-table']"))).contains("已办结");
        page.assertNoSeriousAccessibilityViolations("case search");
        page.assertNoUntranslatedKeys();
        page.browser.findElement(By.cssSelector("[data-test='case-link']")).sendKeys(Keys.ENTER);

        page.waitFor(By.cssSelector("[data-test='audit-step']"));
        String trail = page.text(By.cssSelector("[data-test='audit-trail']"));
        assertThat(trail).contains("EligibilityRule.evaluate", "LicenseRegistry.issue", "自动执行", "人工决定", "chen.jie",
                "签名有效").containsPattern("0x[0-9a-f]{64}");
        page.waitFor(By.cssSelector("[data-test='verify-case']")).sendKeys(Keys.ENTER);
        page.waitForText(By.cssSelector("[data-test='verification']"), "核验通过");
        page.screenshotOf(By.cssSelector("[data-test='audit-trail']"), "case-audit-trail-zh-CN");
        page.assertNoSeriousAccessibilityViolations("case audit");
        page.assertNoUntranslatedKeys();

        String stepKey = jdbc.queryForObject("SELECT step_key FROM ac_case_step WHERE case_id = ? AND kind = 'AUTOMATIC' "
                + "ORDER BY step_block LIMIT 1", String.class, caseId);
        jdbc.update("UPDATE ac_case_step SET result_json = REPLACE(result_json, 'true', 'false') WHERE step_key = ?", stepKey);
        page.browser.navigate().refresh();
        page.waitFor(By.cssSelector("[data-test='verify-case']")).sendKeys(Keys.ENTER);
        page.waitForText(By.cssSelector("[data-test='verification']"), "不一致");
        assertThat(page.text(By.cssSelector("[data-test='verification-finding']")))
                .contains("被篡改", "result_json", "环节", "区块");
        page.screenshotOf(By.cssSelector("[data-test='verification']"), "case-verification-finding-zh-CN");
    }

    @Test
    void aRealEstateCasesMaterialsShowTheirHashesAsAnchoredAndValid() {
        ApiClient seller = ApiClient.demoUser(page.base(), Applicants.ensure(identity, "case-page.seller"));
        String caseId = seller.startCase("real-estate-transfer", Map.of("propertyCertificateNo", "京(2025)朝阳区不动产权第0012345号",
                "sellerRef", "S-110105-0001", "buyerRef", "B-" + UUID.randomUUID(), "taxVoucherNo", "DT-2025-110105-0000123"),
                Map.of("name", "李卖方"));
        seller.awaitOpenTask(caseId, "Activity_RegistrarReview", WAIT);
        page.openAs("liu.yang", "/cases/" + caseId);
        page.waitForText(By.cssSelector("[data-test='case-materials']"), "deed-tax-paid");
        String materials = page.text(By.cssSelector("[data-test='case-materials']"));
        assertThat(materials).contains("property-title", "已存证，有效").containsPattern("0x[0-9a-f]{64}");
        page.screenshotOf(By.cssSelector("[data-test='case-materials']"), "case-materials-zh-CN");
        page.assertNoSeriousAccessibilityViolations("case page with materials");
    }

    @Test
    void twoAdministratorsApproveAnEnrolmentTheFirstSeesItWaitForTheSecondAndARejectionNeedsAReason() {
        String approver = "web.key." + System.nanoTime();
        users.ensure(approver, "网页审批人", "licensing-officers");
        Sm2DecisionSigner key = Sm2DecisionSigner.generate();
        long id = ApiClient.demoUser(page.base(), approver).enrolKey(key.publicKeyPem(), key::sign).path("id").asLong();

        Sm2DecisionSigner refused = Sm2DecisionSigner.generate();
        long refusedId = ApiClient.demoUser(page.base(), approver).enrolKey(refused.publicKeyPem(), refused::sign)
                .path("id").asLong();
        page.openAs("demo", "/admin/enrolments");
        page.waitFor(By.cssSelector("[data-test='reject-" + refusedId + "']")).sendKeys(Keys.ENTER);
        page.waitFor(By.cssSelector("[data-test='reject-confirm']")).click();
        page.waitForText(By.cssSelector(".el-form-item__error"), "请填写驳回理由");
        page.waitFor(By.id("reject-reason")).sendKeys("密钥来源不明");
        page.browser.findElement(By.cssSelector("[data-test='reject-confirm']")).click();
        new WebDriverWait(page.browser, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("[data-test='reject-" + refusedId + "']")));
        assertThat(ApiClient.demoUser(page.base(), approver).request("GET", "/api/me/key-enrolments", null).accepted()
                .findValuesAsText("rejectionReason")).contains("密钥来源不明");

        By approve = By.cssSelector("[data-test='approve-" + id + "']");
        page.waitFor(approve).sendKeys(Keys.ENTER);
        WebElement row = page.waitFor(By.cssSelector("[data-test='own-approval']")).findElement(By.xpath("ancestor::tr"));
        assertThat(row.getText()).contains(approver, "已由 demo 批准，等待第二名管理员确认");
        assertThat(page.browser.findElements(approve)).as("the same administrator cannot confirm").isEmpty();
        assertThat(keys.of(approver)).as("one administrator is not enough").isEmpty();
        page.screenshot("admin-enrolments-zh-CN");
        page.assertNoSeriousAccessibilityViolations("admin enrolments");
        page.assertNoUntranslatedKeys();
        page.waitFor(By.cssSelector("[data-test='logout']")).sendKeys(Keys.ENTER);

        page.waitFor(By.id("login-username"));
        page.openAs("he.ping", "/admin/enrolments");
        page.waitFor(approve).sendKeys(Keys.ENTER);
        new WebDriverWait(page.browser, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(approve));
        assertThat(keys.of(approver)).singleElement().satisfies(k -> {
            assertThat(k.approvedBy()).isEqualTo("demo");
            assertThat(k.confirmedBy()).isEqualTo("he.ping");
        });

        page.waitFor(By.cssSelector("[data-test='nav-admin-approvers']")).sendKeys(Keys.ENTER); // by keyboard: a toast may cover the menu
        page.waitForText(By.cssSelector("[data-test='approvers']"), approver);
        assertThat(page.text(By.cssSelector("[data-test='approvers']"))).contains(keys.of(approver).get(0).key().fingerprint());
        page.screenshot("admin-approvers-zh-CN");
        page.assertNoSeriousAccessibilityViolations("admin approvers");
        page.waitFor(By.cssSelector("[data-test='nav-admin-operations']")).sendKeys(Keys.ENTER);
        assertThat(page.waitFor(By.cssSelector("[data-test='cockpit-link']")).getAttribute("href")).endsWith("/camunda/app/cockpit/");
        page.waitFor(By.cssSelector("[data-test='incidents']"));
        page.assertNoSeriousAccessibilityViolations("admin operations");
        page.browser.findElement(By.cssSelector("[data-test='locale-en']")).click();
        page.waitForText(By.tagName("h1"), "Operations");
        page.assertNoUntranslatedKeys();
    }

    @Test
    void nonAdministratorsSeeNoAdminPages() {
        page.openAs("chen.jie", "/admin/enrolments");
        page.waitForText(By.tagName("h1"), "待办");
        assertThat(page.browser.findElements(By.cssSelector("[data-test='nav-admin-enrolments']"))).isEmpty();
    }

    @Test
    void anyoneChecksTheLicenceOfADecidedCaseWithoutLoggingIn() {
        ApiClient applicant = ApiClient.demoUser(page.base(), Applicants.ensure(identity, "licence-page.applicant"));
        String caseId = BusinessRegistration.approved(page.base(), applicant, WAIT);

        page.openAs("chen.jie", "/cases/" + caseId);
        WebElement qr = page.waitFor(By.cssSelector("[data-test='licence-qr'] img"));
        assertThat(qr.getAttribute("alt")).contains(caseId);
        assertThat(page.text(By.cssSelector("[data-test='case-decisions']"))).contains("陈杰", "准予", "材料齐全，名称可用")
                .containsPattern("0x[0-9a-f]{64}");
        page.screenshotOf(By.cssSelector("[data-test='licence-qr']"), "case-licence-zh-CN");
        String checkUrl = page.waitFor(By.cssSelector("[data-test='licence-check-link']")).getAttribute("href");
        assertThat(checkUrl).endsWith("/verify-licence/" + caseId);
        page.waitFor(By.cssSelector("[data-test='logout']")).sendKeys(Keys.ENTER);
        page.waitFor(By.id("login-username"));

        page.open("/verify-licence");
        page.waitFor(By.id("licence-number")).sendKeys(caseId, Keys.ENTER);
        page.waitForText(By.cssSelector("[data-test='licence-standing']"), "有效");
        String result = page.text(By.cssSelector("[data-test='licence-result']"));
        assertThat(result).contains(caseId, "营业执照", "区块");
        assertThat(page.browser.getPageSource()).doesNotContain(BusinessRegistration.APPLICANT_NAME, "110105199001011234");
        assertThat(page.browser.findElements(By.cssSelector("[data-test='current-user']"))).as("nobody logged in").isEmpty();
        page.screenshot("licence-check-zh-CN");
        page.assertNoSeriousAccessibilityViolations("licence check");

        page.open("/verify-licence/NO-SUCH-LICENCE");
        assertThat(page.text(By.cssSelector("[data-test='licence-error']"))).contains("没有以该编号签发的证照");
        page.browser.findElement(By.cssSelector("[data-test='locale-en']")).click();
        page.browser.get(checkUrl);
        page.waitForText(By.cssSelector("[data-test='licence-standing']"), "Valid");
        page.screenshot("licence-check-en");
        page.assertNoUntranslatedKeys();
    }

    @Test
    void anyoneChecksAnInvoiceByItsNumberAndItsFileWithoutLoggingIn() throws Exception {
        byte[] file = ("<Invoice>" + UUID.randomUUID() + "</Invoice>").getBytes(StandardCharsets.UTF_8);
        Path invoiceFile = Files.write(Files.createTempFile("invoice-", ".xml"), file);
        String number = "2644" + Long.toString(System.nanoTime()).substring(0, 12);
        ApiClient seller = ApiClient.demoUser(page.base(), Applicants.ensure(identity, "invoice-page.seller"));
        String caseId = seller.startCase("einvoice-issue", Map.of("invoiceNo", number, "buyerRef", "B-page-1",
                "amount", 106000, "tax", 6000, "invoiceHash", Sm3.hex(file)), Map.of("name", "网页测试销售方"));
        seller.awaitState(caseId, "COMPLETED", WAIT);

        page.open("/verify-invoice");
        page.waitFor(By.id("invoice-number")).sendKeys(number);
        page.browser.findElement(By.cssSelector("[data-test='invoice-file'] input[type='file']")).sendKeys(invoiceFile.toString());
        new WebDriverWait(page.browser, WAIT).until(d -> Sm3.hex(file).equals(
                d.findElement(By.id("invoice-hash")).getAttribute("value")));
        page.browser.findElement(By.cssSelector("[data-test='invoice-check']")).click();
        page.waitForText(By.cssSelector("[data-test='invoice-state']"), "已开具，未报销");
        assertThat(page.text(By.cssSelector("[data-test='invoice-result']"))).contains(number, "1060.00", "60.00")
                .doesNotContain("B-page-1");
        assertThat(page.browser.findElements(By.cssSelector("[data-test='current-user']"))).as("nobody logged in").isEmpty();
        page.screenshot("invoice-check-zh-CN");
        page.assertNoSeriousAccessibilityViolations("invoice check");

        BrowserPage.replaceText(page.browser.findElement(By.id("invoice-hash")), Sm3.hex(new byte[] {1}));
        page.browser.findElement(By.cssSelector("[data-test='invoice-check']")).click();
        page.waitForText(By.cssSelector("[data-test='invoice-error']"), "没有以该号码和该文件开具的发票");
        page.browser.findElement(By.cssSelector("[data-test='locale-en']")).click();
        page.waitForText(By.cssSelector("h1"), "Invoice check");
        page.assertNoUntranslatedKeys();
    }

    @Test
    void anyoneAsksWhetherABidWasCountedWithoutLoggingInAndAnUnknownBidIsSaidToBeUnknown() {
        page.open("/verify-bid");
        page.waitFor(By.id("bid-tender")).sendKeys("no-such-tender");
        page.browser.findElement(By.id("bid-id")).sendKeys("no-such-bid");
        page.browser.findElement(By.id("bid-commitment")).sendKeys("0x" + "ab".repeat(32));
        page.browser.findElement(By.cssSelector("[data-test='bid-check']")).sendKeys(Keys.ENTER);
        page.waitForText(By.cssSelector("[data-test='bid-error']"), "没有以该投标编号和该承诺值提交的投标");
        assertThat(page.browser.findElements(By.cssSelector("[data-test='current-user']"))).as("nobody logged in").isEmpty();
        page.assertNoSeriousAccessibilityViolations("bid check");

        BrowserPage.replaceText(page.browser.findElement(By.id("bid-commitment")), "not-a-hash");
        page.browser.findElement(By.cssSelector("[data-test='bid-check']")).click();
        page.waitForText(By.cssSelector("[data-test='bid-error']"), "承诺值是 0x 开头");
        page.browser.findElement(By.cssSelector("[data-test='locale-en']")).click();
        page.waitForText(By.cssSelector("h1"), "Bid check");
        page.assertNoUntranslatedKeys();
    }

    @Test
    void anApplicantFillsAnApplicationFromTheirBusinessLicenceAndTheCaseListsIt() {
        String user = Applicants.ensure(identity, "apply-page.applicant");
        String licence = BusinessRegistration.approved(page.base(), ApiClient.demoUser(page.base(), user), WAIT);
        page.openAs(user, "/apply/licence-application");

        page.waitFor(By.cssSelector("[data-test='apply-prefill']")).sendKeys(Keys.ENTER);
        page.waitForText(By.cssSelector("[data-test='source-enterpriseName']"), licence);
        assertThat(page.text(By.cssSelector("[data-test='source-enterpriseName']"))).contains("营业执照").containsPattern("0x[0-9a-f]{64}");
        assertThat(page.waitFor(By.cssSelector("input[data-test='field-enterpriseName']")).getDomProperty("value"))
                .isEqualTo("北京网页测试科技有限公司");
        assertThat(page.text(By.cssSelector("[data-test='apply-reused']"))).contains(licence);
        page.assertNoSeriousAccessibilityViolations("apply page");
        page.assertNoUntranslatedKeys();
        page.screenshot("apply-prefilled-zh-CN");

        BrowserPage.replaceText(page.waitFor(By.cssSelector("input[data-test='field-applicantAge']")), "30");
        BrowserPage.replaceText(page.waitFor(By.cssSelector("input[data-test='field-licenceType']")), "食品经营许可证");
        BrowserPage.replaceText(page.waitFor(By.id("applicant-name")), BusinessRegistration.APPLICANT_NAME);
        BrowserPage.replaceText(page.waitFor(By.id("applicant-id")), "110105199001011234");
        page.waitFor(By.cssSelector("[data-test='apply-submit']")).sendKeys(Keys.ENTER);

        page.waitForText(By.cssSelector("[data-test='case-reused-licences']"), licence);
        page.assertNoSeriousAccessibilityViolations("case page with a reused licence");
        page.browser.findElement(By.cssSelector("[data-test='locale-en']")).click();
        page.waitForText(By.tagName("h1"), "Case");
        assertThat(page.text(By.tagName("main"))).contains("Electronic licences reused");
        page.assertNoUntranslatedKeys();
    }
}
