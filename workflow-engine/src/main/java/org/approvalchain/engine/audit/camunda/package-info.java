/** The audit's Camunda adapter: the case history the verifier compares is Camunda's own. */
package org.approvalchain.engine.audit.camunda;
