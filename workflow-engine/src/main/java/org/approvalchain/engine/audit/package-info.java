/**
 * For legal reviewers and auditors: the audit trail of a case, every step in order with its chain
 * evidence, signed decisions re-verified. Reads the engine's own records; never Camunda's.
 */
package org.approvalchain.engine.audit;
