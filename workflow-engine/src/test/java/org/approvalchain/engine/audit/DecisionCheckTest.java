package org.approvalchain.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.approvalchain.contracts.DecisionRegistryContract.DecisionRecord;
import org.approvalchain.engine.audit.Verification.Finding;
import org.approvalchain.engine.record.KeptDecision;
import org.approvalchain.engine.signing.Decision;
import org.approvalchain.engine.signing.DecisionPayload;
import org.junit.jupiter.api.Test;

class DecisionCheckTest {

    private static final Instant ISSUED = Instant.parse("2026-12-07T08:00:00Z");
    private static final DecisionPayload PAYLOAD = new DecisionPayload("case-1", "task-1", "Activity_OfficerReview",
            "business-registration:1:1", 1, Decision.APPROVE, "材料齐全", List.of(), "0x" + "ab".repeat(32), ISSUED);

    @Test
    void aDecisionKeptAfterItsPayloadWasIssuedAndMarkedRecordedAfterTheChainIsClean() {
        assertThat(times(kept(ISSUED.plusSeconds(40), ISSUED.plusSeconds(41)), onChain(ISSUED.plusSeconds(41))))
                .isEmpty();
        // kept before a crash, on chain (and marked recorded) an hour later
        assertThat(times(kept(ISSUED.plusSeconds(40), ISSUED.plusSeconds(3601)), onChain(ISSUED.plusSeconds(3600))))
                .isEmpty();
    }

    @Test
    void reportsASignedTimeBeforeThePayloadAfterItsValidityOrAfterTheChain() {
        assertThat(fields(times(kept(ISSUED.minusSeconds(3600), ISSUED.plusSeconds(41)),
                onChain(ISSUED.plusSeconds(41))))).containsExactly("signed_at");
        assertThat(fields(times(kept(ISSUED.plus(DecisionPayload.VALIDITY).plusSeconds(3600), ISSUED.plusSeconds(7201)),
                onChain(ISSUED.plusSeconds(7200))))).containsExactly("signed_at");
        assertThat(fields(times(kept(ISSUED.plusSeconds(600), ISSUED.plusSeconds(601)),
                onChain(ISSUED.plusSeconds(41))))).containsExactly("signed_at");
        assertThat(fields(times(kept(null, ISSUED.plusSeconds(41)), onChain(ISSUED.plusSeconds(41)))))
                .containsExactly("signed_at");
    }

    @Test
    void reportsARecordedTimeBeforeTheChainOrMissing() {
        assertThat(fields(times(kept(ISSUED.plusSeconds(40), ISSUED.minusSeconds(86400)),
                onChain(ISSUED.plusSeconds(41))))).containsExactly("recorded_at");
        assertThat(fields(times(kept(ISSUED.plusSeconds(40), null), onChain(ISSUED.plusSeconds(41)))))
                .containsExactly("recorded_at");
    }

    /** The times of a decision whose payload was issued at {@link #ISSUED}. */
    private static List<Finding> times(KeptDecision kept, DecisionRecord onChain) {
        return DecisionCheck.times(kept, ISSUED, onChain);
    }

    private static List<String> fields(List<Finding> findings) {
        return findings.stream().map(Finding::field).toList();
    }

    private static KeptDecision kept(Instant signedAt, Instant recordedAt) {
        return new KeptDecision("task-1", "case-1", "Activity_OfficerReview", "chen.jie", "APPROVE", "材料齐全",
                new String(PAYLOAD.canonicalBytes(), StandardCharsets.UTF_8), PAYLOAD.sm3Hex(), "sig", "04ab", null,
                KeptDecision.State.RECORDED.name(), "0x01", 7L, signedAt, recordedAt);
    }

    private static DecisionRecord onChain(Instant at) {
        return new DecisionRecord("chen.jie", new byte[65], org.approvalchain.contracts.DecisionRegistryContract.Decision.APPROVE,
                new byte[32], new byte[70], at.toEpochMilli());
    }
}
