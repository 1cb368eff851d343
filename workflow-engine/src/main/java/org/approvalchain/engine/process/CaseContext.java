package org.approvalchain.engine.process;

import java.util.Map;
import java.util.Set;

import org.approvalchain.engine.chain.CaseChain.CaseOnChain;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What a step needs to know about its case: the case as the chain knows it (the case id, i.e. the
 * process instance's business key, the process definition and version, the SM3 hash of the
 * applicant's data), and which visit of a user task's activity this is. A user task's visits are
 * counted in a process variable, so a retried job (rolled back) counts the same visit again and a
 * loop back to the activity counts a new one; a contract step's visit is one more than its
 * activity's last step in the case record ({@code CaseRecord.lastVisit}), which a rolled-back job
 * never added to, so it needs no variable.
 */
final class CaseContext {

    static final String APPLICANT_HASH = "applicantHash";
    private static final String VISITS = "ac_visits_";
    private static final String TASK_VISIT = "ac_visit";
    private static final String EMPTY_SM3 = StepDigest.of(Map.of()).sm3();

    private CaseContext() {
    }

    /** A case as {@code CaseLedger} knows it; {@code applicantHash} is the variable {@value #APPLICANT_HASH}. */
    static CaseOnChain onChain(String caseId, String processDefinitionId, int processVersion, Object applicantHash) {
        return new CaseOnChain(caseId, processDefinitionId, processVersion,
                applicantHash == null ? EMPTY_SM3 : applicantHash.toString());
    }

    /** Counts a new visit of {@code activityId} and returns its number (1 for the first). */
    private static int nextVisit(VariableScope scope, String activityId) {
        Object last = scope.getVariable(VISITS + activityId);
        int visit = last == null ? 1 : ((Number) last).intValue() + 1;
        scope.setVariable(VISITS + activityId, visit);
        return visit;
    }

    /**
     * Counts a new visit of a user task's activity and keeps its number on the task itself: the
     * instances of a multi-instance task are open at once, each its own visit, so the process's
     * counter (by then at the last instance's number) cannot tell which visit a task is.
     */
    static void countTaskVisit(DelegateTask task) {
        task.setVariableLocal(TASK_VISIT, nextVisit(task.getExecution(), task.getTaskDefinitionKey()));
    }

    /**
     * The visit a user task is, as {@link #countTaskVisit} kept it; for a task opened before visits
     * were kept on tasks, the process's counter of its activity. {@code taskVariables}: those
     * visible from the task, its own included.
     */
    static int taskVisit(Map<String, Object> taskVariables, String activityId) {
        Object kept = taskVariables.get(TASK_VISIT);
        Object visit = kept != null ? kept : taskVariables.get(VISITS + activityId);
        return visit instanceof Number n ? n.intValue() : 1;
    }

    /** The activity instance id used on chain: {@code <activity id>#<visit>}. */
    static String activityInstance(String activityId, int visit) {
        return activityId + "#" + visit;
    }

    /**
     * Variables the engine sets and nobody else may: the case's identity, a task's decision, the
     * applicant's messages', the licences a case reused and its material hashes.
     */
    private static final Set<String> ENGINES = Set.of("caseId", Cases.INITIATOR, "submittedAt", Cases.APPLICANT,
            APPLICANT_HASH, "decision", "decisionReasons", "decidedBy", CaseMessages.CORRECTION_NOTE,
            CaseMessages.CORRECTIONS_SUBMITTED_BY, CaseMessages.CORRECTIONS_SUBMITTED_AT, CaseMessages.REVIEW_REQUEST_REASON,
            CaseMessages.REVIEW_REQUESTED_BY, CaseMessages.REVIEW_REQUESTED_AT, CaseMessages.SUPERVISION_QUERY_REASON,
            CaseMessages.SUPERVISION_QUERY_BY, CaseMessages.SUPERVISION_QUERY_AT, CaseStates.MATERIAL_HASHES,
            LicenceReuse.REUSED_LICENCES, Cases.PROXY_AGENT, Cases.PROXY_AUTHORISATION);

    /** Whether the engine sets this variable itself, so that no application or correction may. */
    static boolean isEngines(String variableName) {
        return ENGINES.contains(variableName) || isInternal(variableName);
    }

    /** Variables the engine keeps for itself, never shown as case data. */
    static boolean isInternal(String variableName) {
        return variableName.startsWith("ac_");
    }
}
