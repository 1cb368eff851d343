package org.approvalchain.engine.legal.camunda;

import java.util.ArrayList;
import java.util.List;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import org.approvalchain.engine.calendar.WorkingDayLimit;
import org.approvalchain.engine.legal.Finding;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Finds a timer duration that the engine cannot count (LEGAL-011): a time limit is an ISO-8601
 * duration in calendar time ({@code P60D}) or a number of working days ({@code 3 working days},
 * {@code 3个工作日}); anything else would fail only when a case reaches the step. An expression is
 * left to {@link ModelCode}.
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
        return findings;
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
