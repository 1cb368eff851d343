package org.approvalchain.engine.legal.camunda;

import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.xml.ModelInstance;
import org.springframework.modulith.NamedInterface;

/**
 * The boundary events a BPMN model attaches to an activity: its time limits (timers) and the
 * messages it takes while it waits (an extension request). Read here for the gate's rules (the
 * order of steps, time limits) and by the process for a step's time limits and what it may be asked.
 */
@NamedInterface("camunda")
public final class BoundaryEvents {

    private BoundaryEvents() {
    }

    /** The boundary events of {@code model} attached to the activity {@code activityId}. */
    public static Stream<BoundaryEvent> attachedTo(ModelInstance model, String activityId) {
        return model.getModelElementsByType(BoundaryEvent.class).stream()
                .filter(event -> event.getAttachedTo() != null && activityId.equals(event.getAttachedTo().getId()));
    }
}
