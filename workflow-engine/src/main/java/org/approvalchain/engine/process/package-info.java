/**
 * The approval processes as Camunda runs them: starting cases and reading them back, the one
 * generic delegate behind every contract-bound step, user tasks that only a signed decision
 * completes, signed decisions recorded exactly once, the task inbox and the applicant's messages
 * into a running case. The core that speaks Camunda; what it records goes to the case record
 * ({@code record}), what it writes on chain through {@code chain}.
 */
package org.approvalchain.engine.process;
