/**
 * The legal model's Camunda adapter: BPMN read with Camunda's model API into the neutral {@code
 * ProcessModel}, the deployment gate as a process engine plugin, and the automation maps of the
 * versions Camunda has deployed.
 */
package org.approvalchain.engine.legal.camunda;
