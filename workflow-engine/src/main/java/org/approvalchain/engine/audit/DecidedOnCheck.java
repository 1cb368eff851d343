package org.approvalchain.engine.audit;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.approvalchain.engine.audit.Verification.Finding;
import org.approvalchain.engine.audit.Verification.Kind;
import org.approvalchain.engine.chain.CorrectionsDocument;
import org.approvalchain.engine.crypto.Sm3;
import org.approvalchain.engine.record.KeptDecision;
import org.approvalchain.engine.signing.CaseStateDocument;

/**
 * What a case shows now against what its latest signed decision was taken on: the application
 * fields its process declares, the applicant's hash and the material hashes, as the case-state
 * document kept with the decision has them (whose hash the approver signed and the chain holds,
 * {@link CaseStateCheck}; a document that is not the one signed is not compared). The fields change
 * only by the applicant's corrections, after a return for correction (by a decision, or by an
 * automatic step), which another decision follows; so a difference with no corrections since the
 * decision is an edit of the engine's records (corrections as the chain confirms them: a corrections
 * time edited to pass an edited field as corrected does not count, {@link CorrectionsCheck}). The applicant's hash and the materials never change. A field a document of a process without declared fields lists is not compared (later
 * steps may set it).
 */
final class DecidedOnCheck {

    /** The variables of the case-state document that are not application fields. */
    static final String APPLICANT_HASH = "applicantHash";
    static final String MATERIAL_HASHES = "materialHashes";

    private DecidedOnCheck() {
    }

    /**
     * @param declared the application fields the case's process declares
     * @param now the case's process-level variables as its history holds them now, as text; one without a value absent
     * @param corrections the applicant's latest corrections as the chain confirms them ({@link CorrectionsCheck})
     */
    static List<Finding> check(KeptDecision latest, Set<String> declared, Map<String, String> now,
                               Optional<CorrectionsDocument> corrections) {
        List<Finding> findings = new ArrayList<>();
        if ("RETURN_FOR_CORRECTION".equals(latest.decision()) || latest.caseState() == null
                || !CaseStateCheck.signedCaseState(latest).equals(Optional.of(Sm3.hex(latest.caseState().getBytes(UTF_8))))) {
            return findings; // a document that is not the one signed is CaseStateCheck's to report
        }
        CaseStateDocument decidedOn;
        try {
            decidedOn = CaseStateDocument.parse(latest.caseState());
        } catch (RuntimeException notADocument) {
            return findings; // CaseStateCheck reports it
        }
        String subject = latest.taskId();
        for (String name : correctedSince(latest, corrections) ? Set.<String>of() : new TreeSet<>(declared)) {
            Object value = decidedOn.application().get(name);
            differs(subject, "decided on " + name, now.get(name), value == null ? null : String.valueOf(value), findings);
        }
        differs(subject, "decided on " + APPLICANT_HASH, now.get(APPLICANT_HASH), decidedOn.applicantHash(), findings);
        String hashes = now.get(MATERIAL_HASHES);
        List<String> hashesNow = hashes == null || hashes.isBlank() ? List.of()
                : List.copyOf(new TreeSet<>(Arrays.asList(hashes.split(","))));
        if (!hashesNow.equals(decidedOn.materialHashes())) {
            findings.add(new Finding(Kind.ALTERED, subject, "decided on " + MATERIAL_HASHES, String.join(",", hashesNow),
                    String.join(",", decidedOn.materialHashes())));
        }
        return findings;
    }

    /**
     * Whether the applicant sent corrections after the decision was signed, as the chain confirms: an
     * automatic step may return a case for correction too (a certificate no authority anchored), and
     * the corrected fields then stand until the next decision, which is taken on them.
     */
    private static boolean correctedSince(KeptDecision latest, Optional<CorrectionsDocument> corrections) {
        return latest.signedAt() != null
                && corrections.filter(c -> c.submittedAt() > latest.signedAt().toEpochMilli()).isPresent();
    }

    private static void differs(String subject, String field, String now, String decidedOn, List<Finding> findings) {
        if (!Objects.equals(now, decidedOn)) {
            findings.add(new Finding(Kind.ALTERED, subject, field, now, decidedOn));
        }
    }
}
