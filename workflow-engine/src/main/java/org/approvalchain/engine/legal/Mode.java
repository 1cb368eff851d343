package org.approvalchain.engine.legal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How the law lets a step be taken, as its {@code mode} annotation says: {@code automatic} by a
 * contract, with no discretion; {@code assisted}, where a person confirms and signs what an
 * automatic step proposed; {@code manual}, decided and signed by a person.
 */
public enum Mode {
    AUTOMATIC, ASSISTED, MANUAL;

    /** The mode an annotation names, empty for a missing or unknown value. */
    public static Optional<Mode> of(String annotation) {
        return Arrays.stream(values()).filter(m -> m.toString().equals(annotation)).findFirst();
    }

    /** Whether only a decision signed by the approver may complete such a step. */
    public boolean requiresSignedDecision() {
        return this != AUTOMATIC;
    }

    /** As written in the annotation and in the automation map: lower case. */
    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
