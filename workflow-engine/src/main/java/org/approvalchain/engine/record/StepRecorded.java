package org.approvalchain.engine.record;

/** A step of a case joined the case record, with its chain evidence (published in the recording transaction). */
public record StepRecorded(CaseStep step) {
}
