package org.approvalchain.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.SharedEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The 授权代办 page in headless Chromium: 张伟 imports his demo key, signs an authorisation of
 * 黄磊 for business-registration in the browser (the document shown is the one signed), sees it
 * valid with its transaction, revokes it by a signed revocation; the page is axe-clean and fully
 * translated.
 */
@SharedEngine
class ProxyAuthorisationPageIT {

    private static final String PASSPHRASE = "张伟的口令 2026";

    @LocalServerPort
    int port;

    private BrowserPage page;

    @AfterEach
    void closeBrowser() {
        if (page != null) {
            page.browser.quit();
        }
    }

    @Test
    void theApplicantSignsAnAuthorisationInTheBrowserAndRevokesIt() throws IOException {
        page = new BrowserPage(HeadlessChromium.start(), port);
        page.openAs("zhang.wei", "/keys");
        BrowserPage.replaceText(page.waitFor(By.id("key-text")),
                Files.readString(SharedEngine.DATA_DIR.resolve(Path.of("demo-keys", "zhang.wei.key.pem"))));
        BrowserPage.replaceText(page.browser.findElement(By.id("key-passphrase")), PASSPHRASE);
        BrowserPage.replaceText(page.browser.findElement(By.id("key-passphrase-repeat")), PASSPHRASE);
        page.waitFor(By.cssSelector("[data-test='key-add-submit']")).click();
        page.waitForText(By.cssSelector("[data-test='keys-notice']"), "已在链上登记");

        page.waitFor(By.cssSelector("[data-test='nav-authorisations']")).click();
        BrowserPage.replaceText(page.waitFor(By.id("proxy-agent")), "huang.lei");
        BrowserPage.replaceText(page.browser.findElement(By.id("proxy-services")), "business-registration");
        page.browser.findElement(By.id("proxy-until")).sendKeys("2030-06-30", Keys.ENTER);
        String document = page.text(By.cssSelector("[data-test='proxy-document']"));
        assertThat(document).contains("\"agent\":\"huang.lei\"", "\"principal\":\"zhang.wei\"", "\"services\":[\"business-registration\"]");
        BrowserPage.replaceText(page.browser.findElement(By.id("proxy-passphrase")), PASSPHRASE);
        page.browser.findElement(By.cssSelector("[data-test='proxy-grant']")).click();
        page.waitForText(By.cssSelector("[data-test='proxy-done']"), "授权已签署并记录上链");
        page.waitForText(By.cssSelector("[data-test='proxy-table']"), "有效");
        page.assertNoSeriousAccessibilityViolations("authorisations");
        page.assertNoUntranslatedKeys();
        page.screenshot("authorisations-zh-CN");

        ApiClient zhangWei = ApiClient.demoUser(page.base(), "zhang.wei");
        assertThat(zhangWei.request("GET", "/api/authorisations", null).accepted().toString()).contains("huang.lei", "VALID");

        BrowserPage.replaceText(page.browser.findElement(By.id("proxy-passphrase")), PASSPHRASE);
        page.browser.findElements(By.cssSelector("[data-test='proxy-revoke']")).get(0).click();
        page.waitForText(By.cssSelector("[data-test='proxy-done']"), "授权已撤销");
        assertThat(zhangWei.request("GET", "/api/authorisations", null).accepted().toString()).contains("REVOKED");
    }
}
