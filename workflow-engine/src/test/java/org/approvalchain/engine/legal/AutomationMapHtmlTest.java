package org.approvalchain.engine.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The printable HTML form: bilingual, self-contained, escaped, with totals and the anchor. */
class AutomationMapHtmlTest {

    @Test
    void showsStepsLegalBasesTotalsAndTheAnchorInBothLanguages() {
        String html = AutomationMapHtml.render(SmallModels.served(SmallModels.map("审核 Review", "《行政许可法》第三十四条第三款")));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"UTF-8\">", "@page { size: A4;",
                "自动化清单 Automation map", "法律依据 Legal basis", "合计 Totals", "链上锚定 Chain anchor",
                "审核 Review", "《行政许可法》第三十四条第三款", "EligibilityRule.evaluate", SmallModels.CODE_HASH,
                "licensing-officers", "一致 matches the chain");
        assertThat(html).contains("<td>1</td><td>0</td><td>1</td>");
    }

    @Test
    void escapesAllTextFromTheModel() {
        String html = AutomationMapHtml.render(SmallModels.served(
                SmallModels.map("<script>alert('x')</script>", "A & B \"quoted\"")));

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;",
                "A &amp; B &quot;quoted&quot;");
    }

    @Test
    void loadsNothingFromElsewhere() {
        String html = AutomationMapHtml.render(SmallModels.served(SmallModels.map("Review", "basis")));

        assertThat(html).doesNotContain("<link", "<script", "src=", "@import", "url(");
    }

    @Test
    void saysWhenTheMapIsNotAnchoredYet() {
        AutomationMap map = SmallModels.map("Review", "basis");
        String html = AutomationMapHtml.render(AnchoredMap.of(map, List.of(), Map.of(), "0x01", "0x02", null));

        assertThat(html).contains("尚未锚定 not anchored yet");
    }

    @Test
    void listsStepsInProcessOrderAndNamesAStepWithoutANameByItsId() {
        AutomationMap map = SmallModels.map(null, "basis");
        String html = AutomationMapHtml.render(AnchoredMap.of(map, List.of("Activity_Review", "Activity_Check"), Map.of(), "0x01", "0x02", null));

        assertThat(html).contains("<tr><td>Activity_Review<br><code>Activity_Review</code>");
        assertThat(html.indexOf("<code>Activity_Review</code>")).isLessThan(html.indexOf("<code>Activity_Check</code>"));
    }

    @Test
    void linksALegalBasisToItsTextButNeverMakesAScriptALink() {
        assertThat(AutomationMapHtml.render(SmallModels.served(SmallModels.map("Review", "basis"))))
                .contains("<a href=\"https://flk.npc.gov.cn\">https://flk.npc.gov.cn</a>");

        TaskElement check = new TaskElement("Activity_Check", "Check", "serviceTask",
                Map.of("mode", "automatic", "legalBasisUrl", "javascript:alert(1)"), List.of(), List.of(), List.of(), null);
        AutomationMap map = AutomationMap.of(new ProcessModel("p", "P", List.of(check), List.of()), 1, c -> null);
        assertThat(AutomationMapHtml.render(AnchoredMap.of(map, List.of(), Map.of(), "0x01", "0x02", null)))
                .doesNotContain("<a href=\"javascript").contains("<code>javascript:alert(1)</code>");
    }
}
