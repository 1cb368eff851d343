package org.approvalchain.engine.legal;

import static org.assertj.core.api.Assertions.assertThat;

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
        String html = AutomationMapHtml.render(AnchoredMap.of(map, "0x01", "0x02", null));

        assertThat(html).contains("尚未锚定 not anchored yet");
    }
}
