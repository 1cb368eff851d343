package org.approvalchain.engine.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the process engine's own history says about a case's signed steps, for the verifier to hold
 * against the case record and the chain: which tasks that only a signed decision may complete were
 * completed (as tasks and as activities), the variables the case shows now, where it ended and
 * which of its time limits were run early; and of its process version, the responsible departments
 * and the declared fields.
 */
public interface CaseHistory {

    /** The case as the history holds it, read once for one verification; {@link Case#UNKNOWN} when it has not the case. */
    Case of(String caseId);

    /**
     * A case as the engine's history holds it.
     *
     * @param processDefinitionId the process version the case runs or ran on; null when the history does not have the case
     * @param guardedTasks the case's tasks that require a signed decision, open and finished, by task id
     * @param finishedTaskActivities the task ids of the case's finished user-task activity instances (Camunda's activity history)
     * @param variables the case's process-level variables as its history holds them now, as text (its {@code decision},
     *     {@code decidedBy}, {@code decisionReasons}, application fields, {@code applicantHash}...); one without a value absent
     * @param endDisagreement for a completed case said to have ended at an activity its activity history never reached,
     *     that activity with the end events (of the process or its sub-processes) the history shows it reached; null otherwise
     * @param timersRunEarly the case's timers that someone ran before they were due (Camunda's user operation log has
     *     who ran a job and when, its job log when the job was due): a time limit passed early moves the case on as if
     *     the official had let it lapse
     */
    record Case(String processDefinitionId, Map<String, GuardedTask> guardedTasks, Set<String> finishedTaskActivities,
                Map<String, String> variables, EndDisagreement endDisagreement, List<TimerRunEarly> timersRunEarly) {

        public static final Case UNKNOWN = new Case(null, Map.of(), Set.of(), Map.of(), null, List.of());
    }

    /**
     * A task only a signed decision may complete, as the history holds it: its activity, whether it
     * was completed (not open, nor ended by an event or a cancellation) and its assignee (null when none).
     */
    record GuardedTask(String activityId, boolean completed, String assignee) {
    }

    /** A completed case's end event as its process instance names it, against the end events its activities reached. */
    record EndDisagreement(String endActivityId, List<String> endEventsReached) {
    }

    /** A timer (by its activity, a boundary or intermediate timer event) run by a user before it was due. */
    record TimerRunEarly(String activityId, String userId, Instant ran, Instant due) {
    }

    /** Every case the history has, by case id. */
    List<String> caseIds();

    /** Where a case stands, for a reader: its open incidents' messages, the activities it waits at, or how it ended. */
    String whereIs(String caseId);

    /**
     * The department a process version makes responsible for one of its activities (whose account
     * must have sent the step's transactions); null when it names none.
     */
    String responsibleDepartment(String processDefinitionId, String activityId);

    /**
     * The name a process version gives one of its activities, as a step of it is recorded; null when
     * the version has no such activity (a called process's) or names it by an expression.
     */
    String activityName(String processDefinitionId, String activityId);

    /** The application fields a process version declares on its start form; none when it declares none. */
    Set<String> declaredFields(String processDefinitionId);
}
