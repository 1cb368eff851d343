package org.approvalchain.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web application in one headless browser, as the browser tests use it: log in as a person
 * would, wait for what a page shows, and check it for serious accessibility violations and
 * untranslated message keys.
 */
final class BrowserPage {

    static final Duration WAIT = Duration.ofSeconds(20);

    final ChromeDriver browser;
    private final String base;

    BrowserPage(ChromeDriver browser, int port) {
        this.browser = browser;
        this.base = "http://localhost:" + port;
    }

    void open(String path) {
        browser.get(base + path);
    }

    String base() {
        return base;
    }

    /** Logs in on the login page, which must be open. */
    void logIn(String user, String password) {
        replaceText(waitFor(By.id("login-username")), user);
        replaceText(browser.findElement(By.id("login-password")), password);
        // enabled once the page knows nobody is signed in (and has the CSRF cookie)
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-test='login-submit']"))).click();
    }

    /** Opens {@code path} as {@code user} (a demo user, whose password is the user id), logging in first. */
    void openAs(String user, String path) {
        open("/login?redirect=" + path);
        logIn(user, user);
        waitFor(By.cssSelector("[data-test='current-user']"));
    }

    /** Types over what a field holds, as a person would (WebElement.clear() leaves Vue's model as it was). */
    static void replaceText(WebElement field, String text) {
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        field.sendKeys(text);
    }

    void assertNoSeriousAccessibilityViolations(String page) {
        assertNoSeriousAccessibilityViolations(browser, page);
    }

    void assertNoUntranslatedKeys() {
        assertNoUntranslatedKeys(browser);
    }

    /**
     * axe-core (WCAG 2.1 A and AA) finds no serious or critical violation on the page the browser
     * shows, with nothing fading in or out (mid-fade a text has less contrast than shown: a tag of
     * the case page was read at about 70% of its colours on a loaded machine; a toast fully shown is
     * checked like the rest). Waiting for a fade to end is not enough: a toast's time may run out
     * while axe reads the page, so from the first check on, transitions end at once.
     */
    static void assertNoSeriousAccessibilityViolations(ChromeDriver browser, String page) {
        browser.executeScript("""
                if (!document.getElementById('test-without-fades')) {
                  const style = document.createElement('style');
                  style.id = 'test-without-fades';
                  style.textContent = '*, *::before, *::after { transition: none !important; }';
                  document.head.appendChild(style);
                }""");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector(".el-message-fade-enter-active, .el-message-fade-leave-active"), 0));
        List<Rule> serious = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser).getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())).toList();
        assertThat(serious).as(page + ": " + serious.stream().map(r -> r.getId() + " " + r.getNodes().stream()
                .map(n -> n.getTarget() + " " + n.getFailureSummary()).toList()).toList()).isEmpty();
    }

    /** The page asked vue-i18n for no message key that the current language lacks. */
    static void assertNoUntranslatedKeys(ChromeDriver browser) {
        assertThat((List<?>) browser.executeScript("return window.__missingMessages")).isEmpty();
    }

    WebElement waitFor(By what) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    void waitForText(By what, String text) {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(what, text));
    }

    String text(By what) {
        return waitFor(what).getText();
    }

    void screenshot(String name) {
        HeadlessChromium.screenshot(browser, name);
    }

    /** A screenshot with {@code what} scrolled to the top of the window. */
    void screenshotOf(By what, String name) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'start'})", waitFor(what));
        HeadlessChromium.screenshot(browser, name);
    }
}
