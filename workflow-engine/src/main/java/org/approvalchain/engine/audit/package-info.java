/**
 * For legal reviewers and auditors: the audit trail of a case, every step in order with its chain
 * evidence and signed decisions re-verified, and the verifier that checks a case's record against
 * the chain (on request, or from the command line with {@code --approvalchain.verify}). Reads the
 * case record's API and the chain; never Camunda, never the tables.
 */
package org.approvalchain.engine.audit;
