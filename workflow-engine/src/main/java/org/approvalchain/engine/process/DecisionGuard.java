package org.approvalchain.engine.process;

import java.util.Set;

import org.approvalchain.engine.legal.Mode;
import org.approvalchain.engine.record.CaseRecord;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes a signed decision the only way through a manual (or assisted) user task, whatever path
 * tries to complete it: our API, Camunda's REST API, Tasklist or Java code. At parse time every
 * user task whose extension property {@code mode} is {@code manual} or {@code assisted} gets two
 * listeners: on create, the visit is counted; on complete, the task must have a verified decision
 * recorded on chain (see the case record), or completion is refused. Who may take that decision is
 * the process's to say (its candidate users and groups, checked by the legal gate), so nobody
 * assigns, claims, delegates or edits such a task, or adds or removes its candidates or owner
 * ({@code DECISION-010}); ending a task any other way than completing it is {@link RoutingGuard}'s.
 */
@Component
class DecisionGuard extends AbstractProcessEnginePlugin {

    private static final String NAMESPACE = "http://camunda.org/schema/1.0/bpmn";

    private static final Logger log = LoggerFactory.getLogger(DecisionGuard.class);

    private final CaseRecord record;
    /** The commands that change who may work a task or what it says, by simple class name. */
    static final Set<String> TASK_CHANGES = Set.of("AssignTaskCmd", "ClaimTaskCmd", "DelegateTaskCmd", "SetTaskOwnerCmd",
            "SaveTaskCmd", "AddUserIdentityLinkCmd", "AddGroupIdentityLinkCmd", "DeleteUserIdentityLinkCmd",
            "DeleteGroupIdentityLinkCmd");

    /** The one completion listener instance, so that a task definition can be recognised as guarded. */
    private final TaskListener requireDecision = this::requireDecision;

    DecisionGuard(CaseRecord record) {
        this.record = record;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new java.util.ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (requiresSignedDecision(element)) {
                    var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                    definition.addTaskListener(TaskListener.EVENTNAME_CREATE, CaseContext::countTaskVisit);
                    definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, requireDecision);
                }
            }
        });
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new java.util.ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new RefuseUnsignedCompletion(configuration));
    }

    static boolean requiresSignedDecision(Element userTask) {
        return Mode.of(property(userTask, "mode")).map(Mode::requiresSignedDecision).orElse(false);
    }

    private void requireDecision(DelegateTask task) {
        if (!record.isRecorded(task.getId())) {
            throw new BadUserRequestException(refusal(task.getId(), task.getId() + " (" + task.getName() + ")"));
        }
    }

    /** The refusal of completing a guarded task; {@code described} is the task as the caller may know it. */
    private static String refusal(String taskId, String described) {
        return "DECISION-001 task " + described + " can only be completed with a decision signed by the "
                + "approver and recorded on chain: GET /api/tasks/" + taskId + "/decision-payload, sign it, POST /api/tasks/"
                + taskId + "/decision";
    }

    /**
     * Refuses completing or submitting the form of a guarded task without a recorded decision before
     * the command runs, so that the refusal reaches Camunda REST and Tasklist as what it is (403,
     * one WARN line) rather than as a failed listener (500 and a stack trace). The completion
     * listener stays the guard for every other path.
     */
    private final class RefuseUnsignedCompletion extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        RefuseUnsignedCompletion(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
                String taskId = CommandFields.read(command, "taskId", String.class).orElse(null);
                String unsigned = taskId == null ? null : guardedTask(taskId, true);
                if (unsigned != null) {
                    log.warn("DECISION-001 refused completing task {} without a recorded signed decision", unsigned);
                    throw new AuthorizationException(refusal(taskId, unsigned));
                }
            } else if (TASK_CHANGES.contains(command.getClass().getSimpleName())) {
                String taskId = CommandFields.read(command, "taskId", String.class)
                        .or(() -> CommandFields.read(command, "task", TaskEntity.class).map(TaskEntity::getId)).orElse(null);
                String guarded = taskId == null ? null : guardedTask(taskId, false);
                if (guarded != null) {
                    String name = command.getClass().getSimpleName();
                    log.warn("DECISION-010 refused {} on task {}", name, guarded);
                    throw new AuthorizationException("DECISION-010 " + name + " is refused on task " + guarded
                            + ": a task that needs a signed decision is decided by the candidates its process names, "
                            + "so it is not assigned, claimed, delegated or edited, nor are its candidates or owner changed");
                }
            }
            return next.execute(command);
        }

        /**
         * The task's id with its name when it is guarded (and, if {@code unsignedOnly}, has no
         * recorded decision), null otherwise; the name only for a caller who may read the task, so
         * that a refusal tells nobody else what a case is at.
         */
        private String guardedTask(String taskId, boolean unsignedOnly) {
            return configuration.getCommandExecutorTxRequired().execute(context -> {
                TaskEntity task = context.runWithoutAuthorization(() -> context.getTaskManager().findTaskById(taskId));
                boolean guarded = task != null && task.getTaskDefinition() != null
                        && task.getTaskDefinition().getAllTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE).contains(requireDecision);
                if (!guarded || unsignedOnly && record.isRecorded(taskId)) {
                    return null;
                }
                try {
                    configuration.getCommandCheckers().forEach(checker -> checker.checkReadTask(task));
                    return taskId + " (" + task.getName() + ")";
                } catch (AuthorizationException notReadable) {
                    return taskId;
                }
            });
        }
    }

    private static String property(Element element, String name) {
        Element extensions = element.element("extensionElements");
        Element properties = extensions == null ? null : extensions.elementNS(
                new org.camunda.bpm.engine.impl.util.xml.Namespace(NAMESPACE), "properties");
        if (properties == null) {
            return null;
        }
        for (Element property : properties.elementsNS(new org.camunda.bpm.engine.impl.util.xml.Namespace(NAMESPACE), "property")) {
            if (name.equals(property.attribute("name"))) {
                return property.attribute("value");
            }
        }
        return null;
    }
}
