package org.approvalchain.engine.audit;

import static org.approvalchain.engine.audit.CaseVerifier.differs;
import static org.approvalchain.engine.audit.CaseVerifier.hex;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.approvalchain.contracts.CaseLedgerContract.CaseRecord;
import org.approvalchain.engine.audit.Verification.Finding;
import org.approvalchain.engine.crypto.CanonicalJson;
import org.approvalchain.engine.crypto.Sm3;
import org.web3j.utils.Numeric;

/**
 * The case as its history holds it against the case its first step opened on {@code CaseLedger}:
 * the same process version and the same hash of the applicant's data, which is also the hash of
 * the applicant's data the case keeps. Neither changes during a case (a case is not moved to
 * another version, its applicant's data is hashed once at the start), so a difference is an edit
 * of the engine's records: a case put on another version runs and reads by another model, and an
 * applicant's name or id number changed behind the engine's back is no longer the one decided on.
 */
final class OpenedCheck {

    /** The applicant's data (personal data, JSON), as the case was started with it. */
    static final String APPLICANT = "applicant";

    private static final ObjectMapper JSON = new ObjectMapper();

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
        String openedWith = Numeric.toHexString(chain.applicantDataHash());
        differs("case", DecidedOnCheck.APPLICANT_HASH, hex(variables.getOrDefault(DecidedOnCheck.APPLICANT_HASH, NO_APPLICANT)),
                openedWith, findings);
        Optional.ofNullable(variables.get(APPLICANT)).ifPresent(applicant ->
                differs("case", APPLICANT, hashOf(applicant), openedWith, findings));
        return findings;
    }

    /** The SM3 of the applicant's data (JSON) in canonical JSON, as the case was opened with it; the text itself when it is not a JSON object. */
    private static String hashOf(String applicant) {
        try {
            return Sm3.hex(CanonicalJson.object(JSON.readValue(applicant, new TypeReference<Map<String, Object>>() { })));
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            return applicant;
        }
    }
}
