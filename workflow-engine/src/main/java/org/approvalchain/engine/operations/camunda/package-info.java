/** The operations' Camunda adapter: the start-up lock, the retry of a job that lost a race and the release of a killed engine's job locks are process engine plugins; the figures are Camunda's tables, counted. */
package org.approvalchain.engine.operations.camunda;
