package org.approvalchain.engine.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.approvalchain.engine.record.CaseStarts;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a case at most once per idempotency key, so that a client that lost the answer to a start
 * (a network error, a timeout) may send it again: the key the user gave is kept with the case in
 * the transaction that starts it, and a start with a kept key answers that case. A key reused for
 * another request is refused ({@code CASE-001}); without a key every start opens a case.
 */
@Service
public class IdempotentStarts {

    /** Printable ASCII, as an HTTP header carries it, at most the column's length. */
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final Cases cases;
    private final CaseStarts starts;
    private final TransactionTemplate inTransaction;

    IdempotentStarts(Cases cases, CaseStarts starts, PlatformTransactionManager transactions) {
        this.cases = cases;
        this.starts = starts;
        this.inTransaction = new TransactionTemplate(transactions);
    }

    /** The case a start opened; {@code replayed} when an earlier start with the same key had opened it. */
    public record StartedCase(String caseId, boolean replayed) {
    }

    /**
     * Starts a case of the latest version of {@code processKey} (see {@link Cases#start}), or answers
     * the case {@code key} opened before.
     *
     * @param key the client's idempotency key; null to start without one
     */
    public StartedCase start(String processKey, Map<String, Object> application, Map<String, Object> applicant,
                             String initiator, String key) {
        return start(processKey, application, applicant, List.of(), initiator, key, Map.of());
    }

    /**
     * As {@link #start(String, Map, Map, String, String)}, for a case that reuses the applicant's
     * licences {@code reusedLicences}, with variables only the engine sets (see {@link Cases#start(String,
     * Map, Map, List, String, Map)}).
     */
    public StartedCase start(String processKey, Map<String, Object> application, Map<String, Object> applicant,
                             List<String> reusedLicences, String initiator, String key, Map<String, Object> enginesVariables) {
        if (key == null) {
            return new StartedCase(cases.start(processKey, application, applicant, reusedLicences, initiator,
                    enginesVariables), false);
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw new CaseException(CaseException.Kind.INVALID, "CASE-002 Idempotency-Key must be 1 to 255 printable "
                    + "ASCII characters without spaces");
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("processKey", processKey);
        request.put("application", application);
        request.put("applicant", applicant);
        if (!reusedLicences.isEmpty()) {
            request.put("reusedLicences", reusedLicences);
        }
        String requestSm3 = StepDigest.of(request).sm3();
        Optional<StartedCase> earlier = earlier(initiator, key, processKey, requestSm3);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return inTransaction.execute(s -> {
                String caseId = cases.start(processKey, application, applicant, reusedLicences, initiator, enginesVariables);
                starts.add(initiator, key, new CaseStarts.Started(processKey, requestSm3, caseId));
                return new StartedCase(caseId, false);
            });
        } catch (DataIntegrityViolationException | ConcurrencyFailureException raced) {
            // a start with the same key committed first: this one rolled back, case and all
            return earlier(initiator, key, processKey, requestSm3).orElseThrow(() -> new CaseException(
                    CaseException.Kind.CONFLICT, "CASE-003 a start with Idempotency-Key " + key + " is under way; retry"));
        }
    }

    private Optional<StartedCase> earlier(String initiator, String key, String processKey, String requestSm3) {
        return starts.find(initiator, key).map(started -> {
            if (!started.requestSm3().equals(requestSm3)) {
                throw new CaseException(CaseException.Kind.CONFLICT, "CASE-001 Idempotency-Key " + key + " opened case "
                        + started.caseId() + " of " + started.processKey() + " for another request: use a new key "
                        + "for a new case");
            }
            return new StartedCase(started.caseId(), true);
        });
    }
}
