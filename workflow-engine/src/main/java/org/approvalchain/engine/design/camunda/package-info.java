/** Process design's Camunda adapter: deploying a model with Camunda's repository service, whose deployment gate checks it. */
package org.approvalchain.engine.design.camunda;
