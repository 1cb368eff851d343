package org.approvalchain.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.Applicants;
import org.approvalchain.engine.support.BusinessRegistration;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The chain explorer (区块链浏览器) in a real headless Chromium against the real engine: a legal
 * reviewer searches a decided case's id, opens one of its transactions by keyboard and reads the
 * decoded call (a step's call first, then the {@code CaseLedger.recordCall} that recorded it with its
 * step), its arguments and events, its block, and the link back to the case; a search that
 * finds nothing says so; a transaction on the case page links to its explorer page. axe-core finds no
 * serious violation, and both languages have every message.
 */
@BrowserTest
class ChainExplorerPageIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    IdentityService identity;

    private BrowserPage page;

    @BeforeEach
    void openBrowser(BrowserPage page) {
        this.page = page;
    }

    @Test
    void aReviewerSearchesACaseIdOpensATransactionAndReadsTheDecodedCall() {
        ApiClient applicant = ApiClient.demoUser(page.base(), Applicants.ensure(identity, "explorer-page." + UUID.randomUUID()));
        String caseId = BusinessRegistration.approved(page.base(), applicant, WAIT);
        page.openAs("zheng.lu", "/inbox");

        page.waitFor(By.cssSelector("[data-test='nav-chain']")).sendKeys(Keys.ENTER);
        page.waitFor(By.cssSelector("[data-test='chain-block-link']"));
        page.assertNoSeriousAccessibilityViolations("chain explorer");
        WebElement search = page.waitFor(By.cssSelector("input[data-test='chain-search']"));
        BrowserPage.replaceText(search, "无此交易-" + UUID.randomUUID());
        search.sendKeys(Keys.ENTER);
        page.waitForText(By.cssSelector("[data-test='chain-error']"), "未找到");

        BrowserPage.replaceText(search, caseId);
        search.sendKeys(Keys.ENTER);
        page.waitForText(By.cssSelector("[data-test='chain-found']"), "EligibilityRule.evaluate");
        assertThat(page.text(By.cssSelector("[data-test='chain-found']"))).contains("LicenseRegistry.issue",
                "DecisionRegistry.recordDecision", "CaseLedger.recordCall", caseId);
        page.screenshot("chain-explorer-search-zh-CN");
        page.assertNoSeriousAccessibilityViolations("chain explorer search");
        page.browser.findElements(By.cssSelector("[data-test='chain-found'] tbody tr")).stream()
                .filter(row -> row.getText().contains("EligibilityRule.evaluate")).findFirst().orElseThrow()
                .findElement(By.cssSelector("[data-test='chain-tx-link']")).sendKeys(Keys.ENTER);

        page.waitForText(By.cssSelector("[data-test='chain-tx-call']"), "EligibilityRule.evaluate");
        assertThat(page.text(By.cssSelector("[data-test='chain-tx-details']"))).contains("evaluate(string,bytes32,uint256)",
                "成功", caseId, "Activity_CheckMaterials#1/step", "CaseLedger.recordCall");
        assertThat(page.text(By.cssSelector("[data-test='chain-tx-arguments']"))).contains("caseId", caseId, "value", "5")
                .doesNotContain("activityInstanceId");
        page.screenshot("chain-explorer-transaction-zh-CN");
        page.browser.findElement(By.cssSelector("[data-test='chain-tx-outer'] summary")).sendKeys(Keys.ENTER);
        page.waitForText(By.cssSelector("[data-test='chain-tx-outer-arguments']"), "activityInstanceId");
        assertThat(page.text(By.cssSelector("[data-test='chain-tx-outer-arguments']"))).contains("Activity_CheckMaterials#1");
        assertThat(page.text(By.cssSelector("[data-test='chain-tx-event']"))).contains("EligibilityRule.Evaluated", "eligible");
        page.assertNoSeriousAccessibilityViolations("chain transaction");
        page.assertNoUntranslatedKeys();

        page.browser.findElement(By.cssSelector("[data-test='locale-en']")).click();
        page.waitForText(By.tagName("h1"), "Transaction");
        assertThat(page.text(By.cssSelector("[data-test='chain-tx-details']"))).contains("succeeded", "Case",
                "recorded with its step through CaseLedger.recordCall");
        page.screenshot("chain-explorer-transaction-en");
        page.assertNoUntranslatedKeys();
        page.browser.findElement(By.cssSelector("[data-test='locale-zh-CN']")).click();

        page.waitFor(By.cssSelector("[data-test='chain-tx-block']")).sendKeys(Keys.ENTER);
        page.waitForText(By.cssSelector("[data-test='chain-transactions']"), "EligibilityRule.evaluate");
        assertThat(page.text(By.cssSelector("[data-test='chain-block']"))).containsPattern("0x[0-9a-f]{64}");
        page.assertNoSeriousAccessibilityViolations("chain block");
        page.browser.navigate().back();

        page.waitFor(By.cssSelector("[data-test='chain-tx-case']")).sendKeys(Keys.ENTER);
        page.waitFor(By.cssSelector("[data-test='case-automated'] [data-test='tx-link']")).sendKeys(Keys.ENTER);
        page.waitFor(By.cssSelector("[data-test='chain-tx-call']"));
        assertThat(page.browser.getCurrentUrl()).matches(".*/chain/transactions/0x[0-9a-f]{64}");
    }
}
