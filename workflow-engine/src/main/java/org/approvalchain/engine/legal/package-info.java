/**
 * Legal annotations, the deployment gate, the automation map. Every task-like BPMN element carries
 * a mode ({@code automatic}, {@code assisted}, {@code manual}), a legal basis and a discretion
 * flag; {@link org.approvalchain.engine.legal.LegalGate} checks a model against the rules of
 * docs/legal-gate.md. This package works on a neutral description of a model ({@link
 * org.approvalchain.engine.legal.ProcessModel}) and imports nothing of Camunda: the process package
 * reads BPMN and builds that description, so the rules stay testable and engine-independent.
 */
package org.approvalchain.engine.legal;
