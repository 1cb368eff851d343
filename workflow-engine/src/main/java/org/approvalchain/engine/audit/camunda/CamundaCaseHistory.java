package org.approvalchain.engine.audit.camunda;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.approvalchain.engine.audit.CaseHistory;
import org.approvalchain.engine.legal.Mode;
import org.approvalchain.engine.legal.camunda.ExtensionProperties;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/** The case history is Camunda's: its historic task instances and variables, read as the system. */
@Component
class CamundaCaseHistory implements CaseHistory {

    private static final Set<String> DECISION_VARIABLES = Set.of("decision", "decidedBy", "decisionReasons");

    private final HistoryService history;
    private final RepositoryService repository;

    CamundaCaseHistory(HistoryService history, RepositoryService repository) {
        this.history = history;
        this.repository = repository;
    }

    @Override
    public Map<String, String> completedGuardedTasks(String caseId) {
        Map<String, String> completed = new LinkedHashMap<>();
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseId)
                .finished().list()) {
            if ("completed".equals(task.getDeleteReason()) && guarded(task)) {
                completed.put(task.getId(), task.getTaskDefinitionKey());
            }
        }
        return completed;
    }

    @Override
    public Map<String, String> decisionVariables(String caseId) {
        Map<String, String> variables = new LinkedHashMap<>();
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId).list().forEach(instance ->
                history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list().stream()
                        .filter(v -> DECISION_VARIABLES.contains(v.getName()))
                        .filter(v -> instance.getId().equals(v.getActivityInstanceId()))
                        .forEach((HistoricVariableInstance v) -> variables.put(v.getName(), String.valueOf(v.getValue()))));
        return variables;
    }

    private boolean guarded(HistoricTaskInstance task) {
        UserTask element = repository.getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey());
        return element != null && Mode.of(ExtensionProperties.of(element).get("mode"))
                .map(Mode::requiresSignedDecision).orElse(false);
    }
}
