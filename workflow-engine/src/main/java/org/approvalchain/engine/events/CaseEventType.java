package org.approvalchain.engine.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of case event, each with its CloudEvents {@code type}: the RabbitMQ routing key, and
 * what webhook subscriptions choose from.
 */
public enum CaseEventType {
    CASE_STARTED("org.approvalchain.case.started"),
    STEP_RECORDED("org.approvalchain.step.recorded"),
    TASK_CREATED("org.approvalchain.task.created"),
    DECISION_RECORDED("org.approvalchain.decision.recorded"),
    CASE_ENDED("org.approvalchain.case.ended"),
    INCIDENT_CREATED("org.approvalchain.incident.created");

    private final String type;

    CaseEventType(String type) {
        this.type = type;
    }

    /** The CloudEvents {@code type} attribute. */
    public String type() {
        return type;
    }

    /** The kind whose CloudEvents type is {@code type}. */
    public static Optional<CaseEventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    @Override
    public String toString() {
        return type;
    }
}
