/** The API module's Camunda adapter: how Camunda's REST API answers what the engine refuses. */
package org.approvalchain.engine.api.camunda;
