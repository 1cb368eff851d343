/** The operations' Camunda adapter: the start-up lock is a process engine plugin. */
package org.approvalchain.engine.operations.camunda;
