package org.approvalchain.engine.design;

import java.time.Instant;

/**
 * One saved version of a designer's draft: its owner, its name (the process key, usually), the
 * version of that name (1, 2, ... per owner) and the BPMN XML as saved ({@code null} in lists).
 */
public record ModelDraft(long id, String owner, String name, int version, Instant savedAt, String bpmnXml) {
}
