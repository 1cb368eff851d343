/**
 * Process design: the designers' drafts ({@link org.approvalchain.engine.design.ModelDrafts}, kept
 * per user and versioned, never deployed by saving) and deploying a model through the legal gate
 * ({@link org.approvalchain.engine.design.ModelDeployments}, its {@code camunda} adapter). Who may
 * design is the group {@link org.approvalchain.engine.identity.UserDirectory#DESIGNERS} (and the
 * administrators); the web edge enforces it.
 */
package org.approvalchain.engine.design;
