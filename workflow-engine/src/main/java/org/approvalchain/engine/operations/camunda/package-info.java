/** The operations' Camunda adapter: the start-up lock is a process engine plugin; the figures are Camunda's tables, counted. */
package org.approvalchain.engine.operations.camunda;
