package org.approvalchain.engine.legal.camunda;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.approvalchain.engine.legal.ProcessModel;
import org.approvalchain.engine.legal.TaskElement;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Reads a BPMN model (Camunda's model API) into the neutral description the legal gate checks:
 * per process, its task-like elements with their extension properties, candidates and the
 * task-like elements that directly precede them (walking back through gateways and events), and
 * their ids in process order ({@link ProcessOrder}).
 */
final class LegalModels {

    private static final List<Class<? extends Activity>> TASK_LIKE = List.of(ServiceTask.class, UserTask.class,
            ScriptTask.class, BusinessRuleTask.class, SendTask.class, ReceiveTask.class, CallActivity.class);

    private LegalModels() {
    }

    static List<ProcessModel> of(BpmnModelInstance model) {
        List<ProcessModel> processes = new ArrayList<>();
        for (Process process : model.getModelElementsByType(Process.class)) {
            List<TaskElement> tasks = new ArrayList<>();
            for (Class<? extends Activity> type : TASK_LIKE) {
                model.getModelElementsByType(type).stream().filter(a -> processOf(a) == process)
                        .forEach(a -> tasks.add(element(a)));
            }
            Set<String> taskIds = tasks.stream().map(TaskElement::id).collect(Collectors.toSet());
            processes.add(new ProcessModel(process.getId(), process.getName(), tasks,
                    ProcessOrder.of(process).stream().filter(taskIds::contains).toList()));
        }
        return processes;
    }

    private static TaskElement element(Activity activity) {
        List<String> users = List.of();
        List<String> groups = List.of();
        if (activity instanceof UserTask task) {
            users = split(task.getCamundaCandidateUsers());
            groups = split(task.getCamundaCandidateGroups());
        }
        return new TaskElement(activity.getId(), activity.getName(), activity.getElementType().getTypeName(),
                ExtensionProperties.of(activity), users, groups, previousTasks(activity), DepartmentProperty.of(activity));
    }

    private static List<String> previousTasks(FlowNode node) {
        Set<String> found = new LinkedHashSet<>();
        Set<FlowNode> seen = new HashSet<>();
        Deque<FlowNode> todo = new ArrayDeque<>(node.getPreviousNodes().list());
        while (!todo.isEmpty()) {
            FlowNode previous = todo.pop();
            if (!seen.add(previous)) {
                continue;
            }
            if (isTaskLike(previous)) {
                found.add(previous.getId());
            } else if (previous instanceof BoundaryEvent boundary) {
                todo.push(boundary.getAttachedTo());
            } else {
                todo.addAll(previous.getPreviousNodes().list());
            }
        }
        return List.copyOf(found);
    }

    private static boolean isTaskLike(FlowNode node) {
        return TASK_LIKE.stream().anyMatch(type -> type.isInstance(node));
    }

    private static Process processOf(ModelElementInstance element) {
        ModelElementInstance parent = element.getParentElement();
        while (parent != null && !(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return (Process) parent;
    }

    private static List<String> split(String list) {
        return list == null || list.isBlank() ? List.of()
                : Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
