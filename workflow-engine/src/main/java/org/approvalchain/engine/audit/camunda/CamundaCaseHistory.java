package org.approvalchain.engine.audit.camunda;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.approvalchain.engine.audit.CaseHistory;
import org.approvalchain.engine.legal.Mode;
import org.approvalchain.engine.legal.camunda.DepartmentProperty;
import org.approvalchain.engine.legal.camunda.ExtensionProperties;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/** The case history is Camunda's: its historic task instances and variables, read as the system. */
@Component
class CamundaCaseHistory implements CaseHistory {

    private static final Set<String> DECISION_VARIABLES = Set.of("decision", "decidedBy", "decisionReasons");

    private final HistoryService history;
    private final RepositoryService repository;
    private final Map<String, Optional<String>> departments = new ConcurrentHashMap<>();
    private final Map<String, Optional<String>> activityNames = new ConcurrentHashMap<>();

    CamundaCaseHistory(HistoryService history, RepositoryService repository) {
        this.history = history;
        this.repository = repository;
    }

    @Override
    public Case of(String caseId) {
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseId).list();
        if (instances.isEmpty()) {
            return Case.UNKNOWN;
        }
        Map<String, GuardedTask> guarded = new LinkedHashMap<>();
        Set<String> finishedTasks = new HashSet<>();
        Map<String, String> variables = new LinkedHashMap<>();
        EndDisagreement end = null;
        List<TimerRunEarly> early = new ArrayList<>();
        for (HistoricProcessInstance instance : instances) {
            guarded.putAll(guardedTasks(instance));
            List<HistoricActivityInstance> finished = history.createHistoricActivityInstanceQuery()
                    .processInstanceId(instance.getId()).finished().list();
            finished.stream().filter(a -> "userTask".equals(a.getActivityType())).map(HistoricActivityInstance::getTaskId)
                    .filter(Objects::nonNull).forEach(finishedTasks::add);
            variables.putAll(variables(instance));
            end = end != null ? end : endDisagreement(instance, finished);
            early.addAll(timersRunEarly(instance));
        }
        return new Case(instances.get(0).getProcessDefinitionId(), guarded, finishedTasks, variables, end, early);
    }

    private Map<String, GuardedTask> guardedTasks(HistoricProcessInstance instance) {
        Map<String, GuardedTask> guarded = new LinkedHashMap<>();
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).list()) {
            if (guarded(task)) {
                guarded.put(task.getId(), new GuardedTask(task.getTaskDefinitionKey(), task.getEndTime() != null
                        && "completed".equals(task.getDeleteReason()), task.getAssignee()));
            }
        }
        return guarded;
    }

    private Map<String, String> variables(HistoricProcessInstance instance) {
        Map<String, String> variables = new LinkedHashMap<>();
        history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).disableBinaryFetching()
                .disableCustomObjectDeserialization().list().stream()
                .filter(v -> instance.getId().equals(v.getActivityInstanceId()) && v.getValue() != null)
                .forEach((HistoricVariableInstance v) -> variables.put(v.getName(), String.valueOf(v.getValue())));
        return variables;
    }

    /** For a completed instance whose end activity its finished activities lack: that end, with the end events they reached. */
    private static EndDisagreement endDisagreement(HistoricProcessInstance instance, List<HistoricActivityInstance> finished) {
        if (!HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState())
                || finished.stream().anyMatch(a -> a.getActivityId().equals(instance.getEndActivityId()))) {
            return null;
        }
        return new EndDisagreement(instance.getEndActivityId(), finished.stream()
                .filter(a -> a.getActivityType().endsWith("EndEvent")).map(HistoricActivityInstance::getActivityId)
                .distinct().sorted().toList());
    }

    private List<TimerRunEarly> timersRunEarly(HistoricProcessInstance instance) {
        List<TimerRunEarly> early = new ArrayList<>();
        for (UserOperationLogEntry run : history.createUserOperationLogQuery().processInstanceId(instance.getId())
                .entityType(EntityTypes.JOB).operationType(UserOperationLogEntry.OPERATION_TYPE_EXECUTE).list()) {
            // the job's log when it succeeded holds the due date it had then (a signed extension may have moved it)
            history.createHistoricJobLogQuery().jobId(run.getJobId()).successLog().list().stream()
                    .filter(done -> done.getJobDefinitionType() != null && done.getJobDefinitionType().startsWith("timer")
                            && done.getJobDueDate() != null && run.getTimestamp().before(done.getJobDueDate()))
                    .findFirst()
                    .ifPresent(timer -> early.add(new TimerRunEarly(timer.getActivityId(), run.getUserId(),
                            run.getTimestamp().toInstant(), timer.getJobDueDate().toInstant())));
        }
        return early;
    }

    @Override
    public String responsibleDepartment(String processDefinitionId, String activityId) {
        return ofActivity(departments, processDefinitionId, activityId, DepartmentProperty::of);
    }

    @Override
    public String activityName(String processDefinitionId, String activityId) {
        return ofActivity(activityNames, processDefinitionId, activityId, CamundaCaseHistory::literalName);
    }

    /** The name a step of the activity is recorded with; null when it has none or makes it by an expression. */
    private static String literalName(ModelElementInstance element) {
        String name = element instanceof FlowElement flow ? flow.getName() : null;
        return name == null || name.contains("${") || name.contains("#{") ? null : name;
    }

    /** What a process version's model says of one of its activities, read from the model once into {@code cache}. */
    private String ofActivity(Map<String, Optional<String>> cache, String processDefinitionId, String activityId,
                              Function<ModelElementInstance, String> read) {
        return cache.computeIfAbsent(processDefinitionId + "/" + activityId, key -> Optional.ofNullable(
                read.apply(repository.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId)))).orElse(null);
    }

    @Override
    public List<String> caseIds() {
        return history.createHistoricProcessInstanceQuery().list().stream().map(HistoricProcessInstance::getBusinessKey)
                .filter(Objects::nonNull).toList();
    }

    @Override
    public String whereIs(String caseId) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .singleResult();
        if (instance == null) {
            return "unknown";
        }
        if (instance.getEndTime() != null) {
            return instance.getState() + " at " + instance.getEndActivityId();
        }
        List<String> incidents = history.createHistoricIncidentQuery().processInstanceId(instance.getId()).open().list()
                .stream().map(i -> i.getActivityId() + ": " + i.getIncidentMessage()).toList();
        if (!incidents.isEmpty()) {
            return "incident " + incidents;
        }
        return "waiting at " + history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).unfinished()
                .list().stream().map(HistoricActivityInstance::getActivityId).sorted().toList();
    }

    @Override
    public Set<String> declaredFields(String processDefinitionId) {
        return repository.getBpmnModelInstance(processDefinitionId).getModelElementsByType(StartEvent.class).stream()
                .filter(start -> start.getParentElement() instanceof Process && start.getEventDefinitions().isEmpty()
                        && start.getExtensionElements() != null)
                .flatMap(start -> start.getExtensionElements().getChildElementsByType(CamundaFormData.class).stream())
                .flatMap(form -> form.getCamundaFormFields().stream()).map(CamundaFormField::getCamundaId)
                .collect(Collectors.toSet());
    }

    private boolean guarded(HistoricTaskInstance task) {
        UserTask element = repository.getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey());
        return element != null && Mode.of(ExtensionProperties.of(element).get("mode"))
                .map(Mode::requiresSignedDecision).orElse(false);
    }
}
