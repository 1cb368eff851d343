package org.approvalchain.engine.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.approvalchain.engine.audit.Verification.Finding;
import org.approvalchain.engine.audit.Verification.Kind;
import org.approvalchain.engine.chain.CorrectionsDocument;

/**
 * The applicant's latest corrections (补正), as the case shows them, against the chain: the engine
 * anchors every corrections document before the case takes it ({@link CorrectionsDocument}), so the
 * declared fields the case shows now, with the note, sender and time of its latest corrections,
 * make a document the chain holds. Fields change only by corrections, so one that differs from what
 * the applicant sent, or a corrections time written behind the engine's back (which would let an
 * edited field pass as corrected after a decision, {@link DecidedOnCheck}), is reported.
 */
final class CorrectionsCheck {

    private CorrectionsCheck() {
    }

    /** The corrections the chain confirms, with the result of the check. */
    record Checked(Optional<CorrectionsDocument> confirmed, List<Finding> findings) {
    }

    /**
     * @param declared the application fields the case's process declares
     * @param now the case's process-level variables as its history holds them now, as text; one without a value absent
     * @param anchored whether the chain holds a corrections document
     */
    static Checked check(String caseId, Set<String> declared, Map<String, String> now,
                         Predicate<CorrectionsDocument> anchored) {
        String submittedAt = now.get(CorrectionsDocument.SUBMITTED_AT_VARIABLE);
        if (submittedAt == null) {
            return new Checked(Optional.empty(), List.of());
        }
        long at;
        try {
            at = Long.parseLong(submittedAt);
        } catch (NumberFormatException notATime) {
            return new Checked(Optional.empty(), List.of(new Finding(Kind.ALTERED, "case",
                    CorrectionsDocument.SUBMITTED_AT_VARIABLE, submittedAt, "a time in ms")));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        declared.stream().filter(now::containsKey).forEach(name -> fields.put(name, now.get(name)));
        CorrectionsDocument shown = new CorrectionsDocument(caseId, fields, now.get(CorrectionsDocument.NOTE_VARIABLE),
                now.get(CorrectionsDocument.SUBMITTED_BY_VARIABLE), at);
        if (anchored.test(shown)) {
            return new Checked(Optional.of(shown), List.of());
        }
        return new Checked(Optional.empty(), List.of(new Finding(Kind.ALTERED, "case", "corrections",
                "sent by " + shown.submittedBy() + " at " + Instant.ofEpochMilli(at) + " with the fields shown now (SM3 "
                        + shown.sm3() + ")", "no such corrections anchored")));
    }
}
