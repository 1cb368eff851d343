package org.approvalchain.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import org.approvalchain.contracts.DecisionRegistryContract.Decision;
import org.approvalchain.contracts.DecisionRegistryContract.DecisionRecord;
import org.approvalchain.engine.audit.Verification.Finding;
import org.approvalchain.engine.crypto.Sm2;
import org.approvalchain.engine.keys.RegisteredKey;
import org.approvalchain.engine.signing.ApproverKey;
import org.junit.jupiter.api.Test;

class KeyCheckTest {

    private static final ApproverKey KEY = key(7);
    private static final Instant SIGNED = Instant.parse("2026-11-30T08:00:00Z");
    private static final DecisionRecord DECISION = new DecisionRecord("wang.fang", KEY.encodedPoint(), Decision.APPROVE,
            new byte[32], new byte[70], SIGNED.plusSeconds(5).toEpochMilli());

    @Test
    void aKeyRegisteredWithProofBeforeAndValidWhenSignedIsClean() {
        assertThat(KeyCheck.check("t", DECISION, SIGNED, List.of(registered(KEY, true, SIGNED.minusSeconds(60), null)))).isEmpty();
    }

    @Test
    void reportsAKeyNeverRegisteredForTheApprover() {
        assertThat(KeyCheck.check("t", DECISION, SIGNED, List.of(registered(key(8), true, SIGNED.minusSeconds(60), null))))
                .singleElement().extracting(Finding::field).isEqualTo("key_registration");
    }

    @Test
    void reportsARegistrationWithoutValidProof() {
        assertThat(KeyCheck.check("t", DECISION, SIGNED, List.of(registered(KEY, false, SIGNED.minusSeconds(60), null))))
                .singleElement().extracting(Finding::field).isEqualTo("key_proof");
    }

    @Test
    void reportsAKeyRegisteredAfterTheDecision() {
        assertThat(KeyCheck.check("t", DECISION, SIGNED, List.of(registered(KEY, true, SIGNED.plusSeconds(60), null))))
                .singleElement().extracting(Finding::field).isEqualTo("key_registered_at");
    }

    @Test
    void reportsAKeyNoLongerValidWhenThePayloadWasIssued() {
        assertThat(KeyCheck.check("t", DECISION, SIGNED, List.of(registered(KEY, true, SIGNED.minusSeconds(60),
                SIGNED.minusSeconds(1))))).singleElement().extracting(Finding::field).isEqualTo("key_validity");
    }

    private static RegisteredKey registered(ApproverKey key, boolean proven, Instant registeredAt, Instant validUntil) {
        return new RegisteredKey("wang.fang", 0, key, registeredAt, validUntil, registeredAt, "demo", "he.ping", null, proven);
    }

    private static ApproverKey key(int secret) {
        return ApproverKey.fromEncodedPoint(Sm2.DOMAIN.getG().multiply(BigInteger.valueOf(secret)).normalize().getEncoded(false));
    }
}
