/** The demo's Camunda adapter: demo users, groups and their Tasklist access. */
package org.approvalchain.engine.demo.camunda;
