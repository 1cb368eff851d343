package org.approvalchain.engine.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.approvalchain.engine.crypto.CanonicalJson;
import org.junit.jupiter.api.Test;

/** The map builder, its canonical JSON and the comparison with an anchor. */
class AutomationMapTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void mapsEachStepWithModeBasisDiscretionAndWhoDecides() {
        AutomationMap map = SmallModels.map("审核 Review", "《行政许可法》第三十四条第三款");

        assertThat(map.processKey()).isEqualTo("licence");
        assertThat(map.version()).isEqualTo(2);
        AutomationMap.MappedStep check = map.steps().get(0);
        assertThat(check.mode()).isEqualTo(Mode.AUTOMATIC);
        assertThat(check.discretion()).isFalse();
        assertThat(check.contract()).isEqualTo("EligibilityRule");
        assertThat(check.function()).isEqualTo("evaluate");
        assertThat(check.codeHash()).isEqualTo(SmallModels.CODE_HASH);
        assertThat(check.legalBasisUrl()).isEqualTo("https://flk.npc.gov.cn");
        AutomationMap.MappedStep review = map.steps().get(1);
        assertThat(review.discretion()).isTrue();
        assertThat(review.contract()).isNull();
        assertThat(review.codeHash()).isNull();
        assertThat(review.candidateGroups()).containsExactly("licensing-officers");
        assertThat(review.candidateUsers()).containsExactly("wang.fang");
    }

    @Test
    void countsStepsPerMode() {
        assertThat(SmallModels.map("Review", "basis").totals()).isEqualTo(new AutomationMap.ModeTotals(1, 0, 1));
    }

    @Test
    void canonicalJsonIsTheSortedCompactFormOfTheJsonJacksonServes() throws Exception {
        AutomationMap map = SmallModels.map("审核 \"Review\"\n", "basis");
        byte[] canonical = CanonicalJson.of(map);

        JsonNode parsed = JSON.readTree(canonical);
        assertThat(parsed).isEqualTo(JSON.readTree(JSON.writeValueAsBytes(map)));
        String text = new String(canonical, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\"processKey\":\"licence\",\"processName\":\"许可 Licence\",\"steps\":[{\"candidateGroups\":[]");
        assertThat(text).contains("\"name\":\"审核 \\\"Review\\\"\\n\"", "\"codeHash\":null", "\"discretion\":true",
                "\"totals\":{\"assisted\":0,\"automatic\":1,\"manual\":1}");
        assertThat(text).doesNotContain(" :", ", ");
    }

    @Test
    void canonicalJsonChangesWithAnyStep() {
        assertThat(CanonicalJson.of(SmallModels.map("Review", "basis")))
                .isEqualTo(CanonicalJson.of(SmallModels.map("Review", "basis")))
                .isNotEqualTo(CanonicalJson.of(SmallModels.map("Review", "another basis")));
    }

    @Test
    void matchesTheChainOnlyWhenBothHashesEqualTheAnchor() {
        AutomationMap map = SmallModels.map("Review", "basis");
        String h1 = "0x" + "11".repeat(32);
        String h2 = "0x" + "22".repeat(32);
        assertThat(AnchoredMap.of(map, List.of(), Map.of(), h1, h2, new AnchoredMap.Anchor("0xtx", 3, h2, h1)).matchesChain()).isTrue();
        assertThat(AnchoredMap.of(map, List.of(), Map.of(), h1, h2, new AnchoredMap.Anchor("0xtx", 3, h2, h2)).matchesChain()).isFalse();
        assertThat(AnchoredMap.of(map, List.of(), Map.of(), h1, h2, new AnchoredMap.Anchor("0xtx", 3, h1, h1)).matchesChain()).isFalse();
        assertThat(AnchoredMap.of(map, List.of(), Map.of(), h1, h2, null).matchesChain()).isFalse();
    }
}
