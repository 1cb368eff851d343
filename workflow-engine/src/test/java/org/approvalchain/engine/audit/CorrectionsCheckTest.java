package org.approvalchain.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.approvalchain.engine.audit.Verification.Finding;
import org.approvalchain.engine.audit.Verification.Kind;
import org.approvalchain.engine.chain.CorrectionsDocument;
import org.junit.jupiter.api.Test;

class CorrectionsCheckTest {

    private static final Set<String> DECLARED = Set.of("enterpriseName", "materialsSubmitted");
    /** The corrections as the engine anchored them: the declared fields once they were in, the note, who and when. */
    private static final CorrectionsDocument SENT = new CorrectionsDocument("case-1",
            Map.of("enterpriseName", "北京东岭科技有限公司", "materialsSubmitted", "6"), "已补充章程", "zhang.san", 1_765_000_000_000L);
    private static final Map<String, String> NOW = Map.of("enterpriseName", "北京东岭科技有限公司", "materialsSubmitted", "6",
            "correctionNote", "已补充章程", "correctionsSubmittedBy", "zhang.san", "correctionsSubmittedAt", "1765000000000",
            "applicantHash", "0x" + "ab".repeat(32));

    private final Set<String> anchored = new HashSet<>(Set.of(SENT.sm3()));

    @Test
    void theCorrectionsTheCaseShowsAreThoseAnchored() {
        CorrectionsCheck.Checked checked = check(NOW);
        assertThat(checked.findings()).isEmpty();
        assertThat(checked.confirmed()).contains(SENT);
    }

    @Test
    void aCaseWithoutCorrectionsHasNothingToConfirm() {
        Map<String, String> none = new HashMap<>(NOW);
        none.keySet().removeIf(name -> name.startsWith("correction"));
        assertThat(check(none)).isEqualTo(new CorrectionsCheck.Checked(java.util.Optional.empty(), List.of()));
    }

    @Test
    void aCorrectedFieldEditedOrACorrectionsTimeWrittenBehindTheEnginesBackIsReported() {
        Map<String, String> edited = new HashMap<>(NOW);
        edited.put("enterpriseName", "北京南岭科技有限公司");
        assertThat(check(edited).confirmed()).isEmpty();
        assertThat(check(edited).findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.ALTERED);
            assertThat(finding.field()).isEqualTo("corrections");
            assertThat(finding.engine()).contains("zhang.san", "2025-12-06T05:46:40Z").doesNotContain("南岭");
            assertThat(finding.chain()).isEqualTo("no such corrections anchored");
        });

        Map<String, String> later = new HashMap<>(NOW);
        later.put("correctionsSubmittedAt", "1765000000001");
        assertThat(check(later).findings()).extracting(Finding::field).containsExactly("corrections");

        Map<String, String> unreadable = new HashMap<>(NOW);
        unreadable.put("correctionsSubmittedAt", "gestern");
        assertThat(check(unreadable).findings()).containsExactly(
                new Finding(Kind.ALTERED, "case", "correctionsSubmittedAt", "gestern", "a time in ms"));
    }

    @Test
    void aFieldOfNoDeclarationIsNotPartOfTheDocument() {
        Map<String, String> more = new HashMap<>(NOW);
        more.put("materialsComplete", "false");
        assertThat(check(more).findings()).isEmpty();
    }

    private CorrectionsCheck.Checked check(Map<String, String> now) {
        return CorrectionsCheck.check("case-1", DECLARED, now, document -> anchored.contains(document.sm3()));
    }
}
