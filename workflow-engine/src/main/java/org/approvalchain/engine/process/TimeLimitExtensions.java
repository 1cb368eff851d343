package org.approvalchain.engine.process;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.approvalchain.engine.calendar.WorkingDayLimit;
import org.approvalchain.engine.signing.Decision;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Extensions of a statutory time limit that the law allows with the approval of the head of the
 * office (市场主体登记管理条例 第十九条 "经登记机关负责人批准，可以再延长3个工作日", 行政许可法 第四十二条):
 * the official who has the case asks, the head decides with a signed decision, and an approval
 * moves the deadline of the stage by the period the model states. All of it is data in the model
 * (docs/working-days.md): a non-interrupting boundary event of the message {@value #REQUESTED} on the
 * step where one may ask, and a user task whose properties {@value #EXTENDS} and {@value #EXTENSION}
 * name the stage (the activity, usually a sub-process, with the timer) and the period.
 */
@Service
public class TimeLimitExtensions {

    /** The message that asks for an extension; it carries {@link #REASON} and who asked when. */
    public static final String REQUESTED = "time-limit-extension-requested";
    public static final String REASON = "extensionRequestReason";
    public static final String REQUESTED_BY = "extensionRequestedBy";
    public static final String REQUESTED_AT = "extensionRequestedAt";
    /** The property of the deciding task naming the stage whose time limit an approval extends. */
    static final String EXTENDS = "extends";
    /** The property of the deciding task giving the period, e.g. {@code 3 working days}. */
    static final String EXTENSION = "extension";
    /** Set on a stage's scope once its limit was extended (the new deadline): the law allows one extension. */
    static final String EXTENDED_TO = "timeLimitExtendedTo";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final ProcessEngine engine;
    private final TaskAccess access;
    private final DeployedDefinitions definitions;
    private final CaseMessages messages;

    TimeLimitExtensions(RuntimeService runtime, TaskService tasks, ManagementService management, ProcessEngine engine,
                        TaskAccess access, DeployedDefinitions definitions, CaseMessages messages) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.engine = engine;
        this.access = access;
        this.definitions = definitions;
        this.messages = messages;
    }

    /**
     * Asks for an extension of the time limit on a task's stage: delivers {@link #REQUESTED}, which
     * the model routes to the head who decides it.
     *
     * @throws CaseException when the reason is blank, the task is not open or not the user's to work,
     *                       its step offers no extension, or its stage was extended or is waiting for a decision on one
     */
    public CaseMessages.Delivered request(String taskId, String reason, String userId) {
        Map<String, Object> variables = CaseMessages.reasoned(reason, "why does the case need more time?", REASON,
                REQUESTED_BY, REQUESTED_AT, userId);
        Task task = access.workable(taskId, userId);
        String processDefinitionId = task.getProcessDefinitionId();
        if (!definitions.asksForExtension(processDefinitionId, task.getTaskDefinitionKey())) {
            throw new CaseException(CaseException.Kind.CONFLICT, "EXTENSION-001 step '" + task.getTaskDefinitionKey()
                    + "' of task " + taskId + " offers no time-limit extension");
        }
        Object extendedTo = runtime.getVariable(task.getExecutionId(), EXTENDED_TO);
        if (extendedTo instanceof Long to) {
            throw new CaseException(CaseException.Kind.CONFLICT, "EXTENSION-002 the time limit of task " + taskId
                    + " was already extended, to " + Instant.ofEpochMilli(to) + "; the law allows one extension");
        }
        tasks.createTaskQuery().processInstanceId(task.getProcessInstanceId()).list().stream()
                .filter(open -> definitions.extension(processDefinitionId, open.getTaskDefinitionKey()).isPresent())
                .findFirst().ifPresent(open -> {
                    throw new CaseException(CaseException.Kind.CONFLICT, "EXTENSION-003 an extension is already waiting for a decision: task "
                            + open.getId() + " (" + open.getName() + ")");
                });
        String caseId = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
                .getBusinessKey();
        return messages.deliver(caseId, task.getProcessInstanceId(), REQUESTED, variables,
                "is not waiting for a time-limit extension request");
    }

    /**
     * Applies a decision that is about to complete its task: when the task decides an extension and
     * the decision approves it, every pending timer of the stage falls due the model's period later,
     * counted on from the deadline (in working days: from the last day of the period it extends).
     * Runs in the transaction that completes the task.
     */
    void apply(Task task, String decision) {
        if (!Decision.APPROVE.name().equals(decision)) {
            return;
        }
        definitions.extension(task.getProcessDefinitionId(), task.getTaskDefinitionKey()).ifPresent(extension ->
                definitions.timeLimits(task.getProcessDefinitionId(), extension.stageId()).stream()
                        .filter(limit -> limit.activityId().equals(extension.stageId()))
                        .flatMap(limit -> management.createJobQuery().timers().processInstanceId(task.getProcessInstanceId())
                                .activityId(limit.boundaryEventId()).list().stream())
                        .forEach(timer -> move(timer, extension.period())));
    }

    private void move(Job timer, String period) {
        Date due = timer.getDuedate();
        // a period of working days goes on from the last day of the one it extends, i.e. the day before its deadline's 24:00
        Date from = WorkingDayLimit.of(period).isPresent() ? new Date(due.getTime() - 1) : due;
        Date moved = durations().resolveDuedate(period, from);
        configuration().getCommandExecutorTxRequired().execute(new MoveDeadline(timer.getId(), moved));
    }

    /**
     * Moves a stage's timer and marks the stage extended, on the entities themselves: the commands
     * that set a due date or a variable from outside are refused to everyone ({@link RoutingGuard}),
     * as only a signed decision may move a deadline.
     */
    private record MoveDeadline(String timerId, Date due) implements Command<Void> {

        @Override
        public Void execute(CommandContext context) {
            JobEntity timer = context.getJobManager().findJobById(timerId);
            timer.setDuedate(due);
            timer.getExecution().setVariableLocal(EXTENDED_TO, due.getTime());
            return null;
        }
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    private BusinessCalendar durations() {
        return configuration().getBusinessCalendarManager()
                .getBusinessCalendar(DurationBusinessCalendar.NAME);
    }
}
