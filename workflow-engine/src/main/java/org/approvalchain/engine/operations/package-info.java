/**
 * Running the engine: its metrics for Prometheus ({@code /actuator/prometheus}: cases, tasks,
 * incidents, decisions, contract steps, the chain journal, the ledger, the verifier and Camunda's
 * job executor), the chain journal's part in readiness, and what lets nodes that start together on
 * one PostgreSQL schema take turns ({@code camunda/ClusterStartLock}, profile {@code postgres}).
 * The figures come from the database through the {@link org.approvalchain.engine.operations.ProcessFigures}
 * port (Camunda's tables, read by the {@code camunda} adapter) and the other modules' APIs.
 */
package org.approvalchain.engine.operations;
