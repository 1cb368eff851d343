package org.approvalchain.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.Applicants;
import org.approvalchain.engine.support.BusinessRegistration;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The legal reviewer's automation map on the diagram (法律审查) and the version compare, in a real
 * headless Chromium against the real engine: every task of business-registration carries the
 * marker of the mode its automation map (JSON) gives it, discretion marked, the steps listed in the
 * map's process order; a click on a task shows its legal basis and link, Enter on a listed step its
 * contract and code hash; the anchor matches; a case page links the map of its process version. A second version deployed by the test is compared with
 * the first from the versions page: the changed task is marked and its changed annotation listed.
 * axe-core finds no serious violation; both languages have every message. Screenshots:
 * {@code automation-map-zh-CN}, {@code compare-versions-zh-CN} (in docs/web.md).
 */
@BrowserTest
class AutomationMapPagesIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final By DETAILS = By.cssSelector("[data-test='step-details']");

    @Autowired
    IdentityService identity;

    private BrowserPage page;

    @BeforeEach
    void openBrowser(BrowserPage page) {
        this.page = page;
    }

    @Test
    void aCasePageLinksTheAutomationMapOfItsProcessVersion() {
        ApiClient applicant = ApiClient.demoUser(page.base(), Applicants.ensure(identity, "map-page.applicant"));
        String caseId = BusinessRegistration.atTheOfficersReview(applicant, WAIT);
        int version = applicant.caseView(caseId).path("processVersion").asInt();

        page.openAs("zheng.lu", "/cases/" + caseId);
        page.waitFor(By.cssSelector("[data-test='case-map-link']")).sendKeys(Keys.ENTER);
        new WebDriverWait(page.browser, WAIT).until(ExpectedConditions.urlContains(
                "/processes/business-registration/versions/" + version + "/map"));
        page.waitFor(By.cssSelector(".djs-element.ac-mode-manual[data-element-id='Activity_OfficerReview']"));
    }

    @Test
    void aReviewerSeesEachTaskByItsModeAndATasksLegalBasis() {
        JsonNode served = ApiClient.demoUser(page.base(), "zheng.lu").request("GET",
                "/api/processes/business-registration/versions/1/automation-map", null).accepted();
        page.openAs("zheng.lu", "/processes/business-registration/versions/1/map");
        page.waitFor(By.cssSelector(".djs-overlays[data-container-id='Activity_OfficerReview'] .ac-mode-badge"));

        for (JsonNode step : served.path("map").path("steps")) {
            String classes = page.browser.findElement(By.cssSelector(".djs-element[data-element-id='" + step.path("id").asText() + "']"))
                    .getAttribute("class");
            assertThat(classes).as(step.path("id").asText()).contains("ac-mode-" + step.path("mode").asText());
            assertThat(classes.contains("ac-discretion")).as(step.path("id").asText()).isEqualTo(step.path("discretion").asBoolean());
        }
        List<String> listed = page.browser.findElements(By.cssSelector("[data-test='map-step']")).stream()
                .map(b -> b.getAttribute("data-step-id")).toList();
        assertThat(listed).containsExactlyElementsOf(texts(served.path("order")));
        assertThat(page.text(By.cssSelector("[data-test='map-anchor']"))).contains("与链上一致");
        assertThat(page.text(By.cssSelector("[data-test='total-manual']"))).isEqualTo(served.path("map").path("totals").path("manual").asText());

        JsonNode review = step(served, "Activity_OfficerReview");
        new Actions(page.browser).moveToElement(page.browser.findElement(
                By.cssSelector(".djs-element[data-element-id='Activity_OfficerReview'] .djs-hit"))).click().perform();
        page.waitForText(DETAILS, review.path("legalBasis").asText());
        assertThat(page.browser.findElement(By.cssSelector("[data-test='step-legal-basis-link']")).getAttribute("href"))
                .isEqualTo(review.path("legalBasisUrl").asText());
        assertThat(page.text(DETAILS)).contains("registration-officers");
        page.screenshot("automation-map-zh-CN");
        page.assertNoSeriousAccessibilityViolations("automation map");

        page.browser.findElement(By.cssSelector("[data-test='map-step'][data-step-id='Activity_CheckMaterials']")).sendKeys(Keys.ENTER);
        page.waitForText(DETAILS, "EligibilityRule.evaluate");
        assertThat(page.text(By.cssSelector("[data-test='step-code-hash']"))).isEqualTo(step(served, "Activity_CheckMaterials").path("codeHash").asText());
        assertThat(page.browser.findElement(By.cssSelector("[data-test='download-csv']")).getAttribute("href"))
                .endsWith("/api/processes/business-registration/versions/1/automation-map?format=csv");
        page.assertNoUntranslatedKeys();

        page.browser.findElement(By.cssSelector("[data-test='locale-en']")).click();
        page.waitForText(By.tagName("h1"), "Automation map");
        page.assertNoUntranslatedKeys();
    }

    @Test
    void aComparisonOfTwoVersionsMarksTheChangedTaskAndListsItsChangedLegalBasis() throws IOException {
        String key = "compared-" + System.nanoTime();
        String first = licenceApplicationAs(key);
        String second = first.replace("第三十四条第三款（对申请材料的实质内容进行核实）", "第三十四条第三款（对申请材料的实质内容进行核实；两名以上工作人员）");
        assertThat(second).isNotEqualTo(first);
        ApiClient designer = ApiClient.demoUser(page.base(), "lin.hua");
        designer.request("POST", "/api/models/deployments", Map.of("name", key, "bpmnXml", first)).accepted();
        designer.request("POST", "/api/models/deployments", Map.of("name", key, "bpmnXml", second)).accepted();

        page.openAs("zheng.lu", "/processes");
        page.waitFor(By.cssSelector("[data-test='compare-" + key + "-2']")).sendKeys(Keys.ENTER);
        new WebDriverWait(page.browser, WAIT).until(ExpectedConditions.urlContains("/processes/" + key + "/compare/1/2"));

        page.waitFor(By.cssSelector("[data-test='compare-after'] .djs-element.ac-diff-changed[data-element-id='Activity_ReviewApplication']"));
        assertThat(page.browser.findElements(By.cssSelector("[data-test='compare-after'] .djs-element.ac-diff-changed"))).hasSize(1);
        assertThat(page.text(By.cssSelector("[data-test='compare-elements'] li[data-element-id='Activity_ReviewApplication']"))).contains("修改");
        assertThat(page.text(By.cssSelector("[data-test='compare-annotations']"))).contains("Activity_ReviewApplication", "法律依据", "两名以上工作人员");
        page.screenshot("compare-versions-zh-CN");
        page.assertNoSeriousAccessibilityViolations("version compare");
        page.assertNoUntranslatedKeys();

        page.browser.findElement(By.cssSelector("[data-test='locale-en']")).click();
        page.waitForText(By.cssSelector("[data-test='compare-after'] .djs-overlays[data-container-id='Activity_ReviewApplication']"),
                "changed");
        page.assertNoUntranslatedKeys();
    }

    /** licence-application's BPMN as a new process of this key. */
    private String licenceApplicationAs(String key) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/processes/licence-application.bpmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\"licence-application\"", "\"" + key + "\"");
        }
    }

    private static JsonNode step(JsonNode served, String id) {
        for (JsonNode step : served.path("map").path("steps")) {
            if (id.equals(step.path("id").asText())) {
                return step;
            }
        }
        throw new AssertionError("no step " + id);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
