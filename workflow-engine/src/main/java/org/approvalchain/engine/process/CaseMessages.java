package org.approvalchain.engine.process;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.approvalchain.engine.chain.CaseChain;
import org.approvalchain.engine.chain.CorrectionsDocument;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.springframework.stereotype.Service;

/**
 * What the applicant sends into a running case: corrected materials after a return for correction
 * (补正), and a request that a person review an automated result (PIPL art. 24(3), GDPR art. 22);
 * officials' requests ({@link TimeLimitExtensions}) are delivered the same way.
 * Each is a BPMN message correlated to the case by its business key, so a model opts in by waiting
 * for it (an intermediate message catch event or an event-based gateway); a case that is not
 * waiting refuses it. Only the case's initiator, or a member of {@code camunda-admin}, may send them;
 * a supervisor's query ({@link #SUPERVISION_QUERY}) only the supervisors its process names.
 */
@Service
public class CaseMessages {

    /** Corrected application fields; the message also carries {@link #CORRECTION_NOTE} and who sent it when. */
    public static final String CORRECTIONS_SUBMITTED = "corrections-submitted";
    /** A request for human review; the message carries {@link #REVIEW_REQUEST_REASON} and who sent it when. */
    public static final String REVIEW_REQUESTED = "review-requested";
    /** A supervisor's (auditor's) query about a case; carries {@link #SUPERVISION_QUERY_REASON} and who sent it when. */
    public static final String SUPERVISION_QUERY = "supervision-query";

    public static final String CORRECTION_NOTE = CorrectionsDocument.NOTE_VARIABLE;
    public static final String CORRECTIONS_SUBMITTED_BY = CorrectionsDocument.SUBMITTED_BY_VARIABLE;
    public static final String CORRECTIONS_SUBMITTED_AT = CorrectionsDocument.SUBMITTED_AT_VARIABLE;
    public static final String REVIEW_REQUEST_REASON = "reviewRequestReason";
    public static final String REVIEW_REQUESTED_BY = "reviewRequestedBy";
    public static final String REVIEW_REQUESTED_AT = "reviewRequestedAt";
    public static final String SUPERVISION_QUERY_REASON = "supervisionQueryReason";
    public static final String SUPERVISION_QUERY_BY = "supervisionQueryBy";
    public static final String SUPERVISION_QUERY_AT = "supervisionQueryAt";

    private static final String CORRECTIONS_WAITED = "is not waiting for corrections";

    private final RuntimeService runtime;
    private final Cases cases;
    private final CaseReads reads;
    private final CaseAccess access;
    private final DeployedDefinitions definitions;
    private final RoutingGuard routing;
    private final CaseChain chain;

    CaseMessages(RuntimeService runtime, Cases cases, CaseReads reads, CaseAccess access, DeployedDefinitions definitions,
                 RoutingGuard routing, CaseChain chain) {
        this.runtime = runtime;
        this.routing = routing;
        this.cases = cases;
        this.reads = reads;
        this.access = access;
        this.definitions = definitions;
        this.chain = chain;
    }

    /** A message delivered to its case, and the tasks it opened there. */
    public record Delivered(String caseId, String message, List<CaseView.OpenTask> openedTasks) {
    }

    /**
     * Overwrites the case's variables with the corrected fields and delivers {@link #CORRECTIONS_SUBMITTED},
     * once the corrections, with the declared fields as they then stand, are anchored on chain
     * ({@link CorrectionsDocument}): a field the case shows differently from what the applicant sent
     * is then an edit the verifier reports. A crash between the two leaves an anchor that no case
     * shows, and the applicant sends the corrections again.
     *
     * @throws CaseException when a field is not flat or is the engine's, the case is unknown, the user
     *                       did not start it, or it is not waiting for corrections
     */
    public Delivered submitCorrections(String caseId, Map<String, Object> application, String note, String userId) {
        HistoricProcessInstance instance = access.asApplicant(caseId, userId, "send '" + CORRECTIONS_SUBMITTED + "'");
        ApplicationForm form = definitions.form(instance.getProcessDefinitionId());
        Map<String, Object> variables = form.corrections(application);
        if (!reads.awaitedMessages(instance.getId()).contains(CORRECTIONS_SUBMITTED)) {
            throw notWaiting(caseId, CORRECTIONS_WAITED);
        }
        long submittedAt = Instant.now().toEpochMilli();
        chain.anchorCorrections(new CorrectionsDocument(instance.getBusinessKey(), fieldsOnceIn(form, instance, variables),
                note, userId, submittedAt));
        variables.put(CORRECTION_NOTE, note);
        variables.put(CORRECTIONS_SUBMITTED_BY, userId);
        variables.put(CORRECTIONS_SUBMITTED_AT, submittedAt);
        return deliver(instance.getBusinessKey(), instance.getId(), CORRECTIONS_SUBMITTED, variables, CORRECTIONS_WAITED);
    }

    /** The declared fields as they stand once the corrected ones are in, as text; those without a value left out. */
    private Map<String, String> fieldsOnceIn(ApplicationForm form, HistoricProcessInstance instance, Map<String, Object> corrected) {
        Map<String, Object> now = CaseAccess.processLevel(reads.variables(instance.getId()));
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : form.declared()) {
            Object value = corrected.containsKey(name) ? corrected.get(name) : now.get(name);
            if (value != null) {
                fields.put(name, String.valueOf(value));
            }
        }
        return fields;
    }

    /**
     * Delivers {@link #REVIEW_REQUESTED} with the applicant's reason; the model routes it to a person.
     *
     * @throws CaseException when the reason is blank, the case is unknown, the user did not start it,
     *                       or it has no automated result open for human review
     */
    public Delivered requestReview(String caseId, String reason, String userId) {
        Map<String, Object> variables = reasoned(reason, "what should a person look at again?",
                REVIEW_REQUEST_REASON, REVIEW_REQUESTED_BY, REVIEW_REQUESTED_AT, userId);
        HistoricProcessInstance instance = access.asApplicant(caseId, userId, "send '" + REVIEW_REQUESTED + "'");
        return deliver(caseId, instance.getId(), REVIEW_REQUESTED, variables, "has no automated result open for human review");
    }

    /**
     * Delivers {@link #SUPERVISION_QUERY} with the supervisor's reason; the model opens a review task
     * (an event sub-process started by that message). The supervisor reads the case, never decides it.
     *
     * @throws CaseException when the reason is blank, the case is unknown, the user is not among the
     *                       supervisors its process names, or it does not take queries (ended, or no such event)
     */
    public Delivered raiseQuery(String caseId, String reason, String userId) {
        Map<String, Object> variables = reasoned(reason, "what should the department review?",
                SUPERVISION_QUERY_REASON, SUPERVISION_QUERY_BY, SUPERVISION_QUERY_AT, userId);
        HistoricProcessInstance instance = access.supervised(caseId, userId, "send '" + SUPERVISION_QUERY + "'");
        return deliver(caseId, instance.getId(), SUPERVISION_QUERY, variables,
                "does not take a supervisor's query now (it has ended, or its process has no query event)");
    }

    /** The message's variables: the stripped reason, who sent it and when; a blank reason is refused. */
    static Map<String, Object> reasoned(String reason, String hint, String reasonVariable, String byVariable,
                                                String atVariable, String userId) {
        if (reason == null || reason.isBlank()) {
            throw new CaseException(CaseException.Kind.INVALID, "reason: must not be blank (" + hint + ")");
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(reasonVariable, reason.strip());
        variables.put(byVariable, userId);
        variables.put(atVariable, Instant.now().toEpochMilli());
        return variables;
    }

    private static CaseException notWaiting(String caseId, String notWaiting) {
        return new CaseException(CaseException.Kind.CONFLICT, "case " + caseId + " " + notWaiting);
    }

    /** Delivers a message to a case that waits for it; 409 when it does not. */
    Delivered deliver(String caseId, String instanceId, String message, Map<String, Object> variables, String notWaiting) {
        Set<String> before = Set.copyOf(cases.openTasks(instanceId).stream().map(CaseView.OpenTask::taskId).toList());
        try {
            // executions only (not on the public builder interface): a case not waiting must not start a
            // new instance with its business key through some model's message start event of that name
            routing.deliver(() -> ((MessageCorrelationBuilderImpl) runtime.createMessageCorrelation(message)).executionsOnly()
                    .processInstanceBusinessKey(caseId).setVariables(variables).correlateWithResult());
        } catch (MismatchingMessageCorrelationException e) {
            throw notWaiting(caseId, notWaiting);
        }
        return new Delivered(caseId, message, cases.openTasks(instanceId).stream()
                .filter(task -> !before.contains(task.taskId())).toList());
    }
}
