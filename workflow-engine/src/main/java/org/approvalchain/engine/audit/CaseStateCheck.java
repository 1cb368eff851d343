package org.approvalchain.engine.audit;

import static org.approvalchain.engine.audit.CaseVerifier.differs;
import static org.approvalchain.engine.audit.CaseVerifier.hex;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.approvalchain.contracts.CaseLedgerContract.StepRecord;
import org.approvalchain.engine.audit.Verification.Finding;
import org.approvalchain.engine.audit.Verification.Kind;
import org.approvalchain.engine.crypto.Sm3;
import org.approvalchain.engine.record.KeptDecision;
import org.approvalchain.engine.signing.CaseStateDocument;
import org.approvalchain.engine.signing.DecisionPayload;
import org.web3j.utils.Numeric;

/**
 * A kept decision's case-state document (what the approver decided on): it hashes to the {@code
 * caseState} of the payload they signed, and each step it lists is on chain ({@code CaseLedger})
 * with the same kind and result hash. A payload of format 1 carries no case state: nothing to check.
 * A payload that does not parse is {@link DecisionCheck}'s to report.
 */
final class CaseStateCheck {

    private CaseStateCheck() {
    }

    /**
     * @param chainStep the step {@code CaseLedger} holds for an activity instance of the decision's case
     */
    static List<Finding> check(KeptDecision kept, Function<String, Optional<StepRecord>> chainStep) {
        List<Finding> findings = new ArrayList<>();
        Optional<String> signed = signedCaseState(kept);
        if (signed.isEmpty()) {
            return findings;
        }
        String taskId = kept.taskId();
        if (kept.caseState() == null) {
            findings.add(new Finding(Kind.MISSING, taskId, "case_state", null, "payload caseState " + signed.get()));
            return findings;
        }
        differs(taskId, "case_state", Sm3.hex(kept.caseState().getBytes(StandardCharsets.UTF_8)), signed.get(), findings);
        CaseStateDocument document;
        try {
            document = CaseStateDocument.parse(kept.caseState());
        } catch (RuntimeException notADocument) {
            findings.add(new Finding(Kind.ALTERED, taskId, "case_state", kept.caseState(), notADocument.getMessage()));
            return findings;
        }
        for (CaseStateDocument.Step step : document.steps()) {
            String field = "case_state step " + step.activityInstance();
            Optional<StepRecord> onChain = chainStep.apply(step.activityInstance());
            if (onChain.isEmpty()) {
                findings.add(new Finding(Kind.MISSING, taskId, field, "kind " + step.kind() + ", result " + step.resultHash(),
                        null));
            } else {
                differs(taskId, field + " kind", step.kind(), onChain.get().kind().name(), findings);
                differs(taskId, field + " result_hash", hex(step.resultHash()),
                        Numeric.toHexString(onChain.get().resultHash()), findings);
            }
        }
        return findings;
    }

    /** The {@code caseState} of the payload the approver signed; empty for a payload without one, or none at all. */
    static Optional<String> signedCaseState(KeptDecision kept) {
        try {
            return Optional.ofNullable(DecisionPayload.parse(kept.payload().getBytes(StandardCharsets.UTF_8)).caseState());
        } catch (RuntimeException notAPayload) {
            return Optional.empty();
        }
    }
}
