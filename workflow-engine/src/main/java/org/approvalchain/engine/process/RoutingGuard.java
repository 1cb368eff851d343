package org.approvalchain.engine.process;

import java.util.Set;

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
 * restarting, migrating, or moving an instance to another process version; deleting history
 * variables; and moving a job's due date (a time limit moves only by a signed extension,
 * {@link TimeLimitExtensions}). The engine itself never needs them: it sets variables only through its own steps and
 * the applicant's messages. An operator who must move a case does it through a new case, not by
 * editing this one; no override is offered.
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
            "RestartProcessInstancesBatchCmd", "DeleteHistoricVariableInstanceCmd",
            "DeleteHistoricVariableInstancesByProcessInstanceIdCmd", "SetJobDuedateCmd", "RecalculateJobDuedateCmd");

    @Override
    void before(ProcessEngineConfigurationImpl configuration, Command<?> command) {
        String name = command.getClass().getSimpleName();
        if (REFUSED.contains(name)) {
            log.warn("ROUTING-001 refused {}: cases are not rewritten or moved around their steps", name);
            throw new AuthorizationException("ROUTING-001 " + name + " is refused: a case's variables, position and "
                    + "process version are changed only by its own steps, signed decisions and the applicant's "
                    + "messages (see docs/engine.md, 'Nobody routes around a signed step')");
        }
    }
}
