package org.approvalchain.engine.process;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.approvalchain.engine.identity.UserDirectory;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.AbstractNativeQuery;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.MessageCorrelationResultWithVariables;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Case variables leave the engine through our API, not through Camunda's. A user signed in to
 * Camunda's REST API or webapps who is not an administrator is refused (403, {@code PRIVACY-001})
 * every command that reads variables: of a process instance, an execution or a task, a task's form
 * variables or rendered form, variable instances, history variable instances and history details,
 * and a completion, form submission or message correlation asked to answer the case's variables.
 * An administrator may read them (Camunda's operator tools need it), and every personal variable an
 * administrator reads that way is recorded (see {@link PersonalData}) before the answer leaves.
 * The engine's own code and our API, which run with no Camunda user signed in, are not affected.
 */
@Component
class PersonalDataGuard extends CommandGuard {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataGuard.class);

    /** The commands that read variables, by simple class name. */
    static final Set<String> READS = Set.of("GetExecutionVariablesCmd", "GetExecutionVariableCmd",
            "GetExecutionVariableTypedCmd", "GetTaskVariablesCmd", "GetTaskVariableCmd", "GetTaskVariableCmdTyped",
            "GetTaskFormVariablesCmd", "GetRenderedTaskFormCmd", "VariableInstanceQueryImpl",
            "HistoricVariableInstanceQueryImpl", "NativeHistoricVariableInstanceQueryImpl", "HistoricDetailQueryImpl");

    private final ObjectProvider<PersonalData> personalData;

    PersonalDataGuard(ObjectProvider<PersonalData> personalData) {
        this.personalData = personalData;
    }

    @Override
    void before(ProcessEngineConfigurationImpl configuration, Command<?> command) {
        String name = command.getClass().getSimpleName();
        Authentication user = camundaUser(configuration, command);
        if (user != null && !memberOfAny(user, UserDirectory.ADMINS)) {
            log.warn("PRIVACY-001 refused {} to {}: case variables are read through our API", name, user.getUserId());
            throw new AuthorizationException("PRIVACY-001 " + name + " is refused to " + user.getUserId()
                    + ": case variables are read through our API, GET /api/cases/{caseId} (its personal data: "
                    + "GET /api/cases/{caseId}/personal-data, for those who handle the case; every read recorded)");
        }
    }

    @Override
    void after(ProcessEngineConfigurationImpl configuration, Command<?> command, Object result) {
        Authentication user = camundaUser(configuration, command);
        if (user != null) {
            recordReads(configuration, user.getUserId(), command, result);
        }
    }

    /** The user signed in to Camunda's APIs when the command reads variables; null otherwise. */
    private static Authentication camundaUser(ProcessEngineConfigurationImpl configuration, Command<?> command) {
        Authentication user = configuration.getIdentityService().getCurrentAuthentication();
        return user != null && readsVariables(command) ? user : null;
    }

    /** One of {@link #READS}, or a completion, form submission or message correlation asked to answer the variables. */
    private static boolean readsVariables(Command<?> command) {
        return READS.contains(command.getClass().getSimpleName())
                || CommandFields.read(command, "returnVariables", Boolean.class).orElse(false)
                || CommandFields.read(command, "variablesInResultEnabled", Boolean.class).orElse(false);
    }

    /**
     * Records the personal variables in what an administrator read, per process instance: a query's
     * variables (a count has none), or the variables a command read of one execution or task.
     */
    private void recordReads(ProcessEngineConfigurationImpl configuration, String userId, Command<?> command, Object result) {
        Map<String, Set<String>> read = new LinkedHashMap<>();
        Collection<?> items = result instanceof Collection<?> many ? many : result == null ? List.of() : List.of(result);
        for (Object item : items) {
            variablesOf(item).forEach(v -> read.computeIfAbsent(v.getKey(), id -> new LinkedHashSet<>()).add(v.getValue()));
        }
        if (read.isEmpty() && !(command instanceof AbstractQuery<?, ?> || command instanceof AbstractNativeQuery<?, ?>)) {
            String processInstanceId = processInstanceOf(configuration, command);
            if (processInstanceId != null) {
                read.put(processInstanceId, variablesIn(command, result));
            }
        }
        read.forEach((processInstanceId, names) -> personalData.getObject().recordEngineRead(userId, processInstanceId, names,
                command.getClass().getSimpleName()));
    }

    /** The variables in one item of a result (a query's, a correlation's), as process instance id and name. */
    private static Stream<Map.Entry<String, String>> variablesOf(Object item) {
        if (item instanceof VariableInstance v && v.getProcessInstanceId() != null) {
            return Stream.of(Map.entry(v.getProcessInstanceId(), v.getName()));
        }
        if (item instanceof HistoricVariableInstance v && v.getProcessInstanceId() != null) {
            return Stream.of(Map.entry(v.getProcessInstanceId(), v.getVariableName()));
        }
        if (item instanceof HistoricVariableUpdate v && v.getProcessInstanceId() != null) {
            return Stream.of(Map.entry(v.getProcessInstanceId(), v.getVariableName()));
        }
        if (item instanceof MessageCorrelationResultWithVariables r && r.getVariables() != null) {
            String processInstanceId = r.getProcessInstance() != null ? r.getProcessInstance().getId()
                    : r.getExecution().getProcessInstanceId();
            return r.getVariables().keySet().stream().map(name -> Map.entry(processInstanceId, name));
        }
        return Stream.empty();
    }

    /**
     * The variables a command on one execution or task read: the names of a variable map, or the
     * one variable asked for. A rendered form shows only the task's own form fields: none here.
     */
    private static Set<String> variablesIn(Command<?> command, Object result) {
        if (result instanceof Map<?, ?> variables) {
            return variables.keySet().stream().map(String::valueOf).collect(Collectors.toSet());
        }
        return CommandFields.read(command, "variableName", String.class).map(Set::of).orElse(Set.of());
    }

    private static String processInstanceOf(ProcessEngineConfigurationImpl configuration, Command<?> command) {
        Optional<String> execution = CommandFields.read(command, "executionId", String.class);
        if (execution.isPresent()) {
            Execution found = configuration.getRuntimeService().createExecutionQuery().executionId(execution.get()).singleResult();
            return found == null ? null : found.getProcessInstanceId();
        }
        return CommandFields.read(command, "taskId", String.class).or(() -> CommandFields.read(command, "resourceId", String.class))
                .map(taskId -> configuration.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).singleResult())
                .map(HistoricTaskInstance::getProcessInstanceId).orElse(null);
    }
}
