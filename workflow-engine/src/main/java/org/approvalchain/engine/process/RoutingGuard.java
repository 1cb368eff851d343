package org.approvalchain.engine.process;

import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Nobody routes a case around its steps: the engine commands that would rewrite what a case is or
 * where it stands are refused with 403 ({@code ROUTING-001}) whoever asks, through Camunda REST,
 * Cockpit, Tasklist or Java. That is: writing or removing variables of a running case or task (the
 * data a signed decision was taken on, or a gateway reads); process instance modification
 * (skipping or cancelling a step, starting before one), starting an instance at a chosen activity,
 * restarting, migrating, or moving an instance to another process version; signalling an execution
 * on (a waiting step left without being taken) and throwing BPMN signals; ending a task by a BPMN
 * error or escalation, or deleting it (a task ends by being completed: a signed decision where
 * one is required, {@link DecisionGuard}); deleting a case's history or setting when it is removed,
 * or a process version (its deployment, which takes its cases' history with it);
 * and moving a job's due date or deleting a job (a time limit moves only by a signed extension,
 * {@link TimeLimitExtensions}; an administrator may still run a timer job at once, which the
 * acceptance tests use to let a time limit pass, and which the verifier reports as {@code EARLY}). Messages reach a case only
 * through {@link CaseMessages}, which checks who sends them and which variables they carry; a
 * message correlated any other way is refused. The engine itself never needs the rest: it sets
 * variables only through its own steps and those messages. An operator who must move a case does
 * it through a new case, not by editing this one; no override is offered.
 */
@Component
class RoutingGuard extends CommandGuard {

    private static final Logger log = LoggerFactory.getLogger(RoutingGuard.class);

    /** The refused commands, by simple class name (several are not public API). */
    static final Set<String> REFUSED = Set.of(
            "SetExecutionVariablesCmd", "SetTaskVariablesCmd", "RemoveExecutionVariablesCmd", "RemoveTaskVariablesCmd",
            "PatchExecutionVariablesCmd", "PatchTaskVariablesCmd", "SetVariablesToProcessInstancesBatchCmd",
            "ModifyProcessInstanceCmd", "ModifyProcessInstanceAsyncCmd", "ProcessInstanceModificationCmd",
            "ProcessInstanceModificationBatchCmd", "StartProcessInstanceAtActivitiesCmd", "SetProcessDefinitionVersionCmd",
            "MigrateProcessInstanceCmd", "MigrateProcessInstanceBatchCmd", "RestartProcessInstancesCmd",
            "RestartProcessInstancesBatchCmd", "SignalCmd", "SignalEventReceivedCmd", "HandleTaskBpmnErrorCmd",
            "HandleTaskEscalationCmd", "DeleteTaskCmd", "DeleteHistoricVariableInstanceCmd",
            "DeleteHistoricVariableInstancesByProcessInstanceIdCmd", "DeleteHistoricProcessInstancesCmd",
            "DeleteHistoricProcessInstancesBatchCmd", "DeleteHistoricTaskInstanceCmd",
            "SetRemovalTimeToHistoricProcessInstancesCmd", "DeleteDeploymentCmd", "DeleteProcessDefinitionsByIdsCmd",
            "DeleteProcessDefinitionsByKeyCmd", "SetJobDuedateCmd", "RecalculateJobDuedateCmd", "DeleteJobCmd");

    /** The commands that correlate a message: refused unless {@link CaseMessages} delivers it. */
    static final Set<String> MESSAGES = Set.of("CorrelateMessageCmd", "CorrelateAllMessageCmd", "CorrelateAllMessageBatchCmd",
            "MessageEventReceivedCmd");

    private final CheckedCalls delivering = new CheckedCalls();

    /** Runs {@code delivery}, the correlation of a message whose sender and variables the caller has checked. */
    <T> T deliver(Supplier<T> delivery) {
        return delivering.run(delivery);
    }

    @Override
    void before(ProcessEngineConfigurationImpl configuration, Command<?> command) {
        String name = command.getClass().getSimpleName();
        if (REFUSED.contains(name)) {
            refuse(name, "a case's variables, position, process version, time limits and history are changed only by its "
                    + "own steps, signed decisions and the messages its API takes, and a deployed process version stays");
        }
        if (MESSAGES.contains(name) && !delivering.running()) {
            refuse(name, "messages reach a case only through its API (POST /api/cases/{caseId}/corrections, "
                    + "/review-requests, /supervision-queries, /api/tasks/{taskId}/extension-requests), which checks who sends them");
        }
    }

    private static void refuse(String command, String why) {
        log.warn("ROUTING-001 refused {}: cases are not rewritten or moved around their steps", command);
        throw new AuthorizationException("ROUTING-001 " + command + " is refused: " + why
                + " (see docs/engine.md, 'Nobody routes around a signed step')");
    }
}
