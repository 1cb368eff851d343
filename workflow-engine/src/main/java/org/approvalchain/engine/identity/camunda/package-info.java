/** The identity's Camunda adapter: the directory is Camunda's identity service. */
package org.approvalchain.engine.identity.camunda;
