/**
 * The legal model: annotations, the deployment gate, the automation map. Every task-like BPMN
 * element carries a {@link org.approvalchain.engine.legal.Mode}, a legal basis and a discretion
 * flag; {@link org.approvalchain.engine.legal.LegalGate} checks a model against the rules of
 * docs/legal-gate.md. The rules and the map work on a neutral description of a model ({@link
 * org.approvalchain.engine.legal.ProcessModel}); the {@code camunda} adapter reads BPMN into it,
 * refuses deployments with findings ({@code DeploymentGate}), validates models on request ({@link
 * org.approvalchain.engine.legal.ModelValidator}) and serves and anchors each deployed version's
 * map ({@link org.approvalchain.engine.legal.AutomationMaps}); {@code internal} keeps the anchors.
 */
package org.approvalchain.engine.legal;
