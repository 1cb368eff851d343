/** The operations' Camunda adapter: the start-up lock and the retry of a job that lost a race are process engine plugins; the figures are Camunda's tables, counted. */
package org.approvalchain.engine.operations.camunda;
