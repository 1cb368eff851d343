/**
 * Running the engine as several nodes: what lets nodes that start together on one PostgreSQL
 * schema take turns ({@code camunda/ClusterStartLock}, profile {@code postgres}).
 */
package org.approvalchain.engine.operations;
