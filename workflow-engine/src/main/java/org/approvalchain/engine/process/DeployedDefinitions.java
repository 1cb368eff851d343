package org.approvalchain.engine.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.approvalchain.engine.legal.camunda.BoundaryEvents;
import org.approvalchain.engine.legal.camunda.DepartmentProperty;
import org.approvalchain.engine.legal.camunda.ExpressionPolicy;
import org.approvalchain.engine.legal.camunda.ExtensionProperties;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * What does not change within a deployed process version, looked up once: its key, name and
 * version, the groups it gives tasks to, the time limits on its steps, the application it takes and
 * which of its variables are personal data, and each contract step's binding. A deployed version is
 * immutable, so nothing here goes stale.
 */
@Component
class DeployedDefinitions {

    /** The process-level extension property naming the groups that supervise its cases. */
    static final String SUPERVISORS = "supervisors";
    /** The user-task property naming the earlier levels of sign-off whose signers may not decide the task. */
    static final String SEPARATE_FROM = "separateFrom";

    private final RepositoryService repository;
    private final Map<String, ProcessDefinition> definitions = new ConcurrentHashMap<>();
    private final Map<String, List<TimeLimit>> timeLimits = new ConcurrentHashMap<>();
    private final Map<String, StepBinding> bindings = new ConcurrentHashMap<>();
    private final Map<String, Optional<String>> departments = new ConcurrentHashMap<>();
    private final Map<String, Optional<Extension>> extensions = new ConcurrentHashMap<>();
    private final Map<String, Boolean> extensionRequests = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> offices = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> supervisors = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> taskProperties = new ConcurrentHashMap<>();
    private final Map<String, ApplicationForm> forms = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> personal = new ConcurrentHashMap<>();
    private final Map<String, Boolean> multiInstance = new ConcurrentHashMap<>();

    DeployedDefinitions(RepositoryService repository) {
        this.repository = repository;
    }

    /** The latest version of a process, if one is deployed (not cached: a new version may come any time). */
    Optional<ProcessDefinition> latest(String processKey) {
        return Optional.ofNullable(repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult());
    }

    /** The version number of a process definition. */
    int version(String processDefinitionId) {
        return definition(processDefinitionId).getVersion();
    }

    /** A deployed process definition: its key, name and version. */
    ProcessDefinition definition(String processDefinitionId) {
        return definitions.computeIfAbsent(processDefinitionId, repository::getProcessDefinition);
    }

    /**
     * A time limit on a step: a timer boundary event attached to it, or to a sub-process that
     * encloses it (a stage), and the duration the model gives it.
     *
     * @param activityId the activity the timer is attached to: the step, or its stage
     */
    record TimeLimit(String activityId, String boundaryEventId, String duration) {
    }

    /**
     * The time limits the model puts on a step (the timer boundary events of the step and of the
     * sub-processes that enclose it), the step's own first, then outwards; usually none or one.
     */
    List<TimeLimit> timeLimits(String processDefinitionId, String activityId) {
        return timeLimits.computeIfAbsent(processDefinitionId + "/" + activityId, key -> {
            BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
            List<TimeLimit> limits = new ArrayList<>();
            for (ModelElementInstance scope = model.getModelElementById(activityId); scope instanceof Activity activity;
                    scope = scope.getParentElement()) {
                BoundaryEvents.attachedTo(model, activity.getId())
                        .forEach(event -> event.getEventDefinitions().stream().filter(TimerEventDefinition.class::isInstance)
                                .map(TimerEventDefinition.class::cast)
                                .forEach(timer -> limits.add(new TimeLimit(activity.getId(), event.getId(),
                                        timer.getTimeDuration() == null ? null : timer.getTimeDuration().getTextContent().strip()))));
            }
            return List.copyOf(limits);
        });
    }

    /**
     * The groups a process definition gives tasks to (the literal candidate groups of its user
     * tasks): the office that handles its cases and its supervisors.
     */
    Set<String> officeGroups(String processDefinitionId) {
        return offices.computeIfAbsent(processDefinitionId, id -> repository.getBpmnModelInstance(id)
                .getModelElementsByType(UserTask.class).stream()
                .map(UserTask::getCamundaCandidateGroups).filter(Objects::nonNull)
                .flatMap(DeployedDefinitions::literalNames).collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * The groups that supervise a process definition's cases without handling them (auditors): the
     * comma-separated groups of the process's extension property {@value #SUPERVISORS}, none when absent.
     */
    Set<String> supervisorGroups(String processDefinitionId) {
        return supervisors.computeIfAbsent(processDefinitionId, id -> property(repository.getBpmnModelInstance(id)
                .getModelElementsByType(Process.class).stream().map(BaseElement.class::cast)
                .filter(process -> process.getExtensionElements() != null), SUPERVISORS));
    }

    /** The literal names in the comma-separated values of the elements' Camunda property {@code name}. */
    private static Set<String> property(Stream<BaseElement> elements, String name) {
        return elements.flatMap(element -> element.getExtensionElements().getElementsQuery()
                        .filterByType(CamundaProperties.class).list().stream())
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> name.equals(property.getCamundaName()) && property.getCamundaValue() != null)
                .map(CamundaProperty::getCamundaValue)
                .flatMap(DeployedDefinitions::literalNames).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The activities whose signers may not decide the user task {@code activityId} in the same case:
     * the comma-separated ids of its property {@value #SEPARATE_FROM}, none when absent.
     */
    Set<String> separateFrom(String processDefinitionId, String activityId) {
        return taskProperty(processDefinitionId, activityId, SEPARATE_FROM);
    }

    /** The literal names in the user task's Camunda property {@code name} (comma-separated), none when absent. */
    Set<String> taskProperty(String processDefinitionId, String activityId, String name) {
        return taskProperties.computeIfAbsent(processDefinitionId + "/" + activityId + "/" + name, key ->
                repository.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId) instanceof UserTask task
                        ? property(task.getExtensionElements() == null ? Stream.empty() : Stream.of((BaseElement) task), name)
                        : Set.of());
    }

    /** The names a comma-separated list gives literally (an expression names none that we can know). */
    private static Stream<String> literalNames(String list) {
        return Arrays.stream(list.split(",")).map(String::trim)
                .filter(group -> !group.isEmpty() && !ExpressionPolicy.isExpression(group));
    }

    /** The application a process definition takes, as its start event declares it. */
    ApplicationForm form(String processDefinitionId) {
        return forms.computeIfAbsent(processDefinitionId, id -> ApplicationForm.of(repository.getBpmnModelInstance(id),
                repository.getProcessDefinition(id).getKey()));
    }

    /** The personal variables of a process definition's cases: {@code applicant} and the fields it declares personal. */
    Set<String> personalVariables(String processDefinitionId) {
        return personal.computeIfAbsent(processDefinitionId, id -> Stream.concat(Stream.of(Cases.APPLICANT),
                form(id).personalFields().stream()).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /** Whether the model runs the activity as a multi-instance activity (a committee's task, for one). */
    boolean multiInstance(String processDefinitionId, String activityId) {
        return multiInstance.computeIfAbsent(processDefinitionId + "/" + activityId, key ->
                repository.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId) instanceof Activity activity
                        && activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics);
    }

    /** The name the model gives one of its elements; its id when it has none. */
    String elementName(String processDefinitionId, String elementId) {
        return repository.getBpmnModelInstance(processDefinitionId).getModelElementById(elementId) instanceof FlowElement element
                && element.getName() != null ? element.getName() : elementId;
    }

    /**
     * What an approval of a step extends (its {@code extends} and {@code extension} properties, see
     * docs/working-days.md): the stage whose time limit moves, and by how much.
     */
    record Extension(String stageId, String period) {
    }

    /** The time-limit extension a step decides, if it decides one. */
    Optional<Extension> extension(String processDefinitionId, String activityId) {
        return extensions.computeIfAbsent(processDefinitionId + "/" + activityId, key -> {
            Map<String, String> properties = repository.getBpmnModelInstance(processDefinitionId)
                    .getModelElementById(activityId) instanceof BaseElement element ? ExtensionProperties.of(element) : Map.of();
            String stage = properties.get(TimeLimitExtensions.EXTENDS);
            String period = properties.get(TimeLimitExtensions.EXTENSION);
            return stage == null || period == null ? Optional.empty() : Optional.of(new Extension(stage.strip(), period.strip()));
        });
    }

    /** Whether the model lets a step ask for a time-limit extension (a boundary event of the request message on it). */
    boolean asksForExtension(String processDefinitionId, String activityId) {
        return extensionRequests.computeIfAbsent(processDefinitionId + "/" + activityId, key ->
                BoundaryEvents.attachedTo(repository.getBpmnModelInstance(processDefinitionId), activityId)
                        .flatMap(event -> event.getEventDefinitions().stream()).filter(MessageEventDefinition.class::isInstance)
                        .map(definition -> ((MessageEventDefinition) definition).getMessage())
                        .anyMatch(message -> message != null && TimeLimitExtensions.REQUESTED.equals(message.getName())));
    }

    /**
     * The department the model makes responsible for a step (its own property, its stage's or its
     * process's); null when none is named, and the engine account writes for it.
     */
    String department(String processDefinitionId, String activityId) {
        return departments.computeIfAbsent(processDefinitionId + "/" + activityId, key -> Optional.ofNullable(
                DepartmentProperty.of(repository.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId))))
                .orElse(null);
    }

    /** The contract binding of the step the execution is at. */
    StepBinding binding(DelegateExecution execution) {
        return bindings.computeIfAbsent(execution.getProcessDefinitionId() + "/" + execution.getCurrentActivityId(),
                key -> StepBinding.of(execution));
    }
}
