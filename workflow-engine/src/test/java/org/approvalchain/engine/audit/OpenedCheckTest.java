package org.approvalchain.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.approvalchain.contracts.CaseLedgerContract.CaseRecord;
import org.approvalchain.contracts.CaseLedgerContract.CaseState;
import org.approvalchain.engine.audit.Verification.Finding;
import org.approvalchain.engine.audit.Verification.Kind;
import org.approvalchain.engine.crypto.Sm3;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

class OpenedCheckTest {

    private static final String APPLICANT = Sm3.hex("{\"name\":\"李明\"}".getBytes(StandardCharsets.UTF_8));
    private static final String VERSION = "business-registration:2:abc";

    @Test
    void aCaseAsItWasOpenedIsClean() {
        assertThat(OpenedCheck.check(opened(VERSION, APPLICANT), VERSION, Map.of("applicantHash", APPLICANT))).isEmpty();
    }

    @Test
    void aCaseStartedWithoutApplicantDataOpensWithTheEmptyObjectsHash() {
        String empty = Sm3.hex("{}".getBytes(StandardCharsets.UTF_8));
        assertThat(OpenedCheck.check(opened(VERSION, empty), VERSION, Map.of())).isEmpty();
        assertThat(OpenedCheck.check(opened(VERSION, APPLICANT), VERSION, Map.of())).containsExactly(
                new Finding(Kind.ALTERED, "case", "applicantHash", empty, APPLICANT));
    }

    @Test
    void reportsACaseMovedToAnotherVersionOrApplicant() {
        String other = Sm3.hex("{\"name\":\"王芳\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(OpenedCheck.check(opened(VERSION, APPLICANT), "business-registration:1:xyz", Map.of("applicantHash", other)))
                .containsExactly(
                        new Finding(Kind.ALTERED, "case", "process definition", "business-registration:1:xyz", VERSION),
                        new Finding(Kind.ALTERED, "case", "applicantHash", other, APPLICANT));
    }

    @Test
    void aCaseNotOnChainOrNotInTheHistoryHasNothingToCompare() {
        assertThat(OpenedCheck.check(Optional.empty(), VERSION, Map.of("applicantHash", APPLICANT))).isEmpty();
        assertThat(OpenedCheck.check(opened(VERSION, APPLICANT), null, Map.of())).isEmpty();
    }

    private static Optional<CaseRecord> opened(String definitionId, String applicantHash) {
        return Optional.of(new CaseRecord(definitionId, 2, Numeric.hexStringToByteArray(applicantHash), CaseState.OPEN, "", 1));
    }
}
