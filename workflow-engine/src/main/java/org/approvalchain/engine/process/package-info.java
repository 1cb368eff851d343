/**
 * The approval processes as Camunda runs them: users and groups (Camunda's identity service is
 * the one user directory), starting cases, contract-bound steps and decision-guarded user tasks.
 * The only package that imports {@code org.camunda}.
 */
package org.approvalchain.engine.process;
