package org.approvalchain.engine.chain;

import java.util.Map;
import java.util.TreeMap;

import org.approvalchain.engine.crypto.CanonicalJson;
import org.approvalchain.engine.crypto.Sm3;

/**
 * The applicant's corrections (补正) as the engine anchors them in {@code DocumentEvidence} before the
 * case takes them: the case, the application fields its process declares as they stand once the
 * corrections are in, the applicant's note, who sent them and when. Only its SM3 reaches the chain
 * (type {@value #TYPE}, from the engine account), so the verifier tells the applicant's corrected
 * fields from fields edited behind the engine's back: it rebuilds the document from what the case
 * shows and asks whether the chain holds it.
 *
 * @param fields the declared fields with a value, as text as the case's history holds them ({@code String.valueOf})
 * @param note the applicant's note, null without one
 * @param submittedAt when the corrections came in, ms since the epoch (the case's {@code correctionsSubmittedAt})
 */
public record CorrectionsDocument(String caseId, Map<String, String> fields, String note, String submittedBy,
                                  long submittedAt) {

    /** The document type the corrections are anchored as. */
    public static final String TYPE = "case-corrections";

    /** The case variables that keep the note, the sender and the time, from which the verifier rebuilds the document. */
    public static final String NOTE_VARIABLE = "correctionNote";
    public static final String SUBMITTED_BY_VARIABLE = "correctionsSubmittedBy";
    public static final String SUBMITTED_AT_VARIABLE = "correctionsSubmittedAt";

    public CorrectionsDocument {
        fields = new TreeMap<>(fields);
    }

    /** {@code 0x} + SM3 of the document's canonical JSON: the hash anchored on chain. */
    public String sm3() {
        return Sm3.hex(CanonicalJson.of(this));
    }
}
