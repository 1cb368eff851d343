package org.approvalchain.engine.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The CSV form: BOM, header, one quoted row per step. */
class AutomationMapCsvTest {

    @Test
    void startsWithAByteOrderMarkAndAHeaderRow() {
        byte[] csv = AutomationMapCsv.render(SmallModels.served(SmallModels.map("审核 Review", "basis")));

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String[] lines = new String(csv, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("\"step_id\",\"step_name\",\"type\",\"mode\",\"legal_basis\"");
        assertThat(lines[1]).startsWith("\"Activity_Check\",\"核验 Check\",\"serviceTask\",\"automatic\"")
                .contains("\"EligibilityRule\",\"evaluate\",\"" + SmallModels.CODE_HASH + "\"");
        assertThat(lines[2]).contains("\"审核 Review\"", "\"manual\"", "\"true\"", "\"licensing-officers\"", "\"wang.fang\"");
    }

    @Test
    void quotesCommasQuotesAndLineBreaksInsideFields() {
        String csv = new String(AutomationMapCsv.render(SmallModels.served(
                SmallModels.map("Review, \"final\"", "第一款\n第二款"))), StandardCharsets.UTF_8);

        assertThat(csv).contains("\"Review, \"\"final\"\"\"", "\"第一款\n第二款\"");
    }

    @Test
    void listsStepsInProcessOrderAndNamesAStepWithoutANameByItsId() {
        AnchoredMap served = AnchoredMap.of(SmallModels.map(null, "basis"), List.of("Activity_Review", "Activity_Check"),
                Map.of("Activity_Check", new AnchoredMap.Responsible("market-regulation", "市场监督管理局", "Market regulation")),
                "0x01", "0x02", null);
        String[] lines = new String(AutomationMapCsv.render(served), StandardCharsets.UTF_8).split("\r\n");

        assertThat(lines[1]).startsWith("\"Activity_Review\",\"Activity_Review\",\"userTask\"").endsWith(",\"\"");
        assertThat(lines[2]).startsWith("\"Activity_Check\",\"核验 Check\"").endsWith(",\"market-regulation\"");
    }
}
