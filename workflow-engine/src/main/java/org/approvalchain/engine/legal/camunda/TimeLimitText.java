package org.approvalchain.engine.legal.camunda;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import org.approvalchain.engine.calendar.WorkingDayLimit;
import org.approvalchain.engine.legal.Finding;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Finds a timer duration that the engine cannot count (LEGAL-011): a time limit is an ISO-8601
 * duration in calendar time ({@code P60D}) or a number of working days ({@code 3 working days},
 * {@code 3个工作日}); anything else would fail only when a case reaches the step. An expression is
 * left to {@link ModelCode}. And an extension of a time limit that cannot work (LEGAL-012): the
 * step that decides it ({@code extends}, {@code extension}) must be a user task (a signed decision),
 * name an activity of its process with a timer, and give a period of the same two forms.
 */
final class TimeLimitText {

    private static final DatatypeFactory DURATIONS;

    static {
        try {
            DURATIONS = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TimeLimitText() {
    }

    static List<Finding> findings(BpmnModelInstance model) {
        List<Finding> findings = new ArrayList<>();
        for (TimeDuration duration : model.getModelElementsByType(TimeDuration.class)) {
            String text = duration.getTextContent() == null ? "" : duration.getTextContent().strip();
            if (!ExpressionPolicy.isExpression(text) && WorkingDayLimit.of(text).isEmpty() && !isIsoDuration(text)) {
                FlowElement event = enclosing(duration, FlowElement.class);
                Process process = enclosing(duration, Process.class);
                findings.add(new Finding(idOf(process), process == null ? "-" : process.getName(), idOf(event),
                        event == null ? "-" : event.getName(), "LEGAL-011", "timer duration '" + text + "' is neither an "
                        + "ISO-8601 duration in calendar days (e.g. P60D) nor a number of working days (e.g. '3 working "
                        + "days' or '3个工作日')"));
            }
        }
        for (Activity activity : model.getModelElementsByType(Activity.class)) {
            extensionFault(model, activity).ifPresent(fault -> {
                Process process = enclosing(activity, Process.class);
                findings.add(new Finding(idOf(process), process == null ? "-" : process.getName(), activity.getId(),
                        activity.getName(), "LEGAL-012", fault));
            });
        }
        return findings;
    }

    private static Optional<String> extensionFault(BpmnModelInstance model, Activity activity) {
        Map<String, String> properties = ExtensionProperties.of(activity);
        String stage = properties.get("extends");
        String period = properties.get("extension");
        if (stage == null && period == null) {
            return Optional.empty();
        }
        if (stage == null || stage.isBlank() || period == null || period.isBlank()) {
            return Optional.of("a time-limit extension needs both 'extends' (the activity whose time limit it moves) "
                    + "and 'extension' (by how much, e.g. '3 working days')");
        }
        if (!(activity instanceof UserTask)) {
            return Optional.of("only a signed decision extends a time limit: make the step a user task");
        }
        String text = period.strip();
        if (WorkingDayLimit.of(text).isEmpty() && !isIsoDuration(text)) {
            return Optional.of("extension '" + text + "' is neither an ISO-8601 duration (e.g. P10D) nor a number of "
                    + "working days (e.g. '3 working days')");
        }
        boolean timed = BoundaryEvents.attachedTo(model, stage.strip())
                .anyMatch(event -> event.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance));
        return timed ? Optional.empty() : Optional.of("extends '" + stage.strip() + "', which is no activity with a "
                + "time limit (a timer boundary event) in this model");
    }

    private static boolean isIsoDuration(String text) {
        try {
            DURATIONS.newDuration(text);
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static <T extends ModelElementInstance> T enclosing(ModelElementInstance element, Class<T> type) {
        for (ModelElementInstance parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if (type.isInstance(parent)) {
                return type.cast(parent);
            }
        }
        return null;
    }

    private static String idOf(BaseElement element) {
        return element == null ? "-" : element.getId();
    }
}
