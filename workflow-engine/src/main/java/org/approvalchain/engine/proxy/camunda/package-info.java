/** The proxy module's Camunda adapter: which services (process keys) are deployed. */
package org.approvalchain.engine.proxy.camunda;
