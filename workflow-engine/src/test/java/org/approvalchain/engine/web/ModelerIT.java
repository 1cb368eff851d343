package org.approvalchain.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.engine.support.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The designer's modeler (流程设计) in a real headless Chromium against the real engine, by keyboard:
 * the designer opens the example, derives a new process from it, applies a generated element
 * template that leaves the automatic step without its legal basis, sees the gate's finding on that
 * element (badge and list, deploy disabled), fixes it in the properties panel, saves a draft and
 * deploys; the new version is listed as deployed by them, then with its anchor matching the chain; a
 * deployed version and the draft open again. axe-core finds no serious violation; both
 * languages have every message. Screenshot: {@code modeler-findings-zh-CN} (in docs/web.md).
 */
@BrowserTest
class ModelerIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final By DEPLOY = By.cssSelector("[data-test='deploy']");
    private static final By STATUS = By.cssSelector("[data-test='lint-status']");
    private static final By PALETTE_START_EVENT = By.cssSelector(".djs-palette [data-action='create.start-event']");
    private static final By GENERAL_GROUP_TITLE = By.cssSelector("[data-group-id='group-general'] .bio-properties-panel-group-header-title");

    private BrowserPage page;

    @BeforeEach
    void openBrowser(BrowserPage page) {
        this.page = page;
    }

    @Test
    void aDesignerSeesTheGatesFindingOnTheElementFixesItSavesADraftAndDeploys() {
        String key = "designed-in-browser-" + System.nanoTime();
        page.openAs("lin.hua", "/design");
        page.waitForText(STATUS, "未发现问题");
        page.waitFor(By.cssSelector("[data-test='open-example']")).sendKeys(Keys.ENTER);
        page.waitFor(By.cssSelector(".djs-element[data-element-id='Activity_CheckEligibility']"));
        page.waitForText(STATUS, "未发现问题");
        // the modeler speaks the application's language: the palette (bpmn-js-i18n) and the properties panel (our table)
        assertThat(page.waitFor(PALETTE_START_EVENT).getAttribute("aria-label")).isEqualTo("创建开始事件");

        choose("element-select", "电子证照申领");
        openGroup("group-general");
        assertThat(page.text(GENERAL_GROUP_TITLE)).isEqualTo("常规");
        BrowserPage.replaceText(page.waitFor(By.id("bio-properties-panel-id")), key);
        page.waitForText(STATUS, key);

        choose("element-select", "资格核验");
        choose("template-select", "EligibilityRule.evaluate");
        WebElement badge = page.waitFor(By.cssSelector(".djs-overlays[data-container-id='Activity_CheckEligibility'] .ac-lint-badge"));
        assertThat(badge.getText()).contains("LEGAL-002");
        assertThat(page.browser.findElements(By.cssSelector(".djs-element.ac-finding[data-element-id='Activity_CheckEligibility']"))).hasSize(1);
        assertThat(page.waitFor(DEPLOY).isEnabled()).isFalse();
        WebElement finding = page.waitFor(By.cssSelector("[data-test='lint-findings'] li[data-rule='LEGAL-002']"));
        assertThat(finding.getAttribute("data-element")).isEqualTo("Activity_CheckEligibility");
        assertThat(finding.getText()).contains("缺少法律依据", "legalBasis", "修正方法");
        choose("element-select", "电子证照申领");
        new Actions(page.browser).moveToElement(badge).perform();
        page.waitFor(By.cssSelector(".ac-lint-tip"));
        page.screenshot("modeler-findings-zh-CN");
        page.assertNoSeriousAccessibilityViolations("modeler with findings");

        choose("element-select", "核发电子证照");
        finding.findElement(By.tagName("button")).sendKeys(Keys.ENTER);
        page.waitFor(By.cssSelector(".djs-element.selected[data-element-id='Activity_CheckEligibility']"));
        openGroup("group-ElementTemplates__CustomProperties");
        fill("Legal basis 法律依据", "《中华人民共和国行政许可法》第三十二条");
        fill("Input caseId", "${caseId}");
        fill("Input criterion", "${chain.text32('applicant-age')}");
        fill("Input value", "${applicantAge}");
        page.waitForText(STATUS, "未发现问题");
        new WebDriverWait(page.browser, WAIT).until(ExpectedConditions.elementToBeClickable(DEPLOY));

        page.waitFor(By.cssSelector("[data-test='save-draft']")).sendKeys(Keys.ENTER);
        page.waitForText(By.cssSelector(".el-message"), "草稿已保存");
        // enabled again once the draft list is refreshed
        new WebDriverWait(page.browser, WAIT).until(ExpectedConditions.elementToBeClickable(DEPLOY)).sendKeys(Keys.ENTER);
        page.waitForText(By.cssSelector("[data-test='process-versions']"), key);
        choose("open-version", "business-registration v1");
        page.waitForText(STATUS, "business-registration");
        page.waitFor(By.cssSelector(".djs-element[data-element-id='Activity_OfficerReview']"));
        choose("open-draft", key);
        page.waitForText(STATUS, key);

        ApiClient designer = ApiClient.demoUser(page.base(), "lin.hua");
        assertThat(designer.request("GET", "/api/models/drafts", null).accepted().findValuesAsText("name")).contains(key);
        JsonNode deployed = null;
        for (JsonNode version : designer.request("GET", "/api/processes/versions", null).accepted()) {
            if (key.equals(version.path("processKey").asText())) {
                deployed = version;
            }
        }
        assertThat(deployed).isNotNull();
        assertThat(deployed.path("deployedBy").asText()).isEqualTo("lin.hua");

        // anchored by the next round (every 30 s), then the page says the chain matches
        page.open("/design");
        new WebDriverWait(page.browser, Duration.ofSeconds(90)).pollingEvery(Duration.ofSeconds(5)).until(browser -> {
            List<WebElement> anchor = browser.findElements(By.cssSelector("[data-test='anchor-" + key + "-1']"));
            if (anchor.isEmpty()) {
                browser.navigate().refresh();
                return false;
            }
            return anchor.get(0).getText().contains("与链上一致");
        });
        page.assertNoUntranslatedKeys();

        page.browser.findElement(By.cssSelector("[data-test='locale-en']")).click();
        page.waitForText(By.tagName("h1"), "Process design");
        page.waitForText(GENERAL_GROUP_TITLE, "General");
        assertThat(page.browser.findElement(PALETTE_START_EVENT).getAttribute("aria-label")).isEqualTo("Create start event");
        page.assertNoUntranslatedKeys();
    }

    @Test
    void onlyDesignersAndAdministratorsSeeTheModeler() {
        page.openAs("wang.fang", "/design");
        page.waitFor(By.cssSelector("[data-test='current-user']"));
        assertThat(page.browser.findElements(By.cssSelector("[data-test='nav-design']"))).isEmpty();
        new WebDriverWait(page.browser, WAIT).until(ExpectedConditions.urlContains("/inbox"));
    }

    /** Chooses an option of an Element Plus select by keyboard: focus, type to filter, Enter. */
    private void choose(String select, String text) {
        WebElement input = page.waitFor(By.cssSelector("[data-test='" + select + "'] input"));
        input.sendKeys(Keys.ENTER);
        input.sendKeys(text);
        new WebDriverWait(page.browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//li[contains(@class,'el-select-dropdown__item') and contains(., \"" + text + "\")]")));
        input.sendKeys(Keys.ENTER);
    }

    /** Opens a group of the properties panel by keyboard, unless it is open. */
    private void openGroup(String groupId) {
        By group = By.cssSelector("[data-group-id='" + groupId + "']");
        if (!page.waitFor(group).findElement(By.cssSelector(".bio-properties-panel-group-entries")).getAttribute("class").contains("open")) {
            page.browser.findElement(group).findElement(By.cssSelector(".bio-properties-panel-group-header-button")).sendKeys(Keys.ENTER);
        }
    }

    /** Types into the properties panel's field with this label. */
    private void fill(String label, String text) {
        WebElement labelled = page.waitFor(By.xpath("//label[starts-with(normalize-space(.), \"" + label + "\")]"));
        BrowserPage.replaceText(page.browser.findElement(By.id(labelled.getAttribute("for"))), text);
    }
}
