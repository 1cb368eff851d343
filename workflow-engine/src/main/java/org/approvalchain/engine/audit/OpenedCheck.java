package org.approvalchain.engine.audit;

import static org.approvalchain.engine.audit.CaseVerifier.differs;
import static org.approvalchain.engine.audit.CaseVerifier.hex;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.approvalchain.contracts.CaseLedgerContract.CaseRecord;
import org.approvalchain.engine.audit.Verification.Finding;
import org.approvalchain.engine.crypto.CanonicalJson;
import org.approvalchain.engine.crypto.Sm3;
import org.web3j.utils.Numeric;

/**
 * The case as its history holds it against the case its first step opened on {@code CaseLedger}:
 * the same process version and the same hash of the applicant's data. Neither changes during a
 * case (a case is not moved to another version, its applicant's data is hashed once at the start),
 * so a difference is an edit of the engine's records: a case put on another version runs and
 * reads by another model, and its applicant is who may read it.
 */
final class OpenedCheck {

    /** The hash a case opens with when it was started without applicant data: that of the empty object. */
    private static final String NO_APPLICANT = Sm3.hex(CanonicalJson.text(Map.of()).getBytes(StandardCharsets.UTF_8));

    private OpenedCheck() {
    }

    /**
     * @param definitionId the process version the history says the case runs on; null when the history lacks the case
     * @param variables the case's process-level variables as its history holds them now
     */
    static List<Finding> check(Optional<CaseRecord> opened, String definitionId, Map<String, String> variables) {
        List<Finding> findings = new ArrayList<>();
        if (opened.isEmpty() || definitionId == null) {
            return findings; // a case not on chain has its steps reported MISSING; one not in the history has no record to compare
        }
        CaseRecord chain = opened.get();
        differs("case", "process definition", definitionId, chain.processDefinitionId(), findings);
        differs("case", DecidedOnCheck.APPLICANT_HASH, hex(variables.getOrDefault(DecidedOnCheck.APPLICANT_HASH, NO_APPLICANT)),
                Numeric.toHexString(chain.applicantDataHash()), findings);
        return findings;
    }
}
