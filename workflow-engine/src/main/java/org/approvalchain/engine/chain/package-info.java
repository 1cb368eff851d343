/**
 * The engine's use of the chain, above the {@link org.approvalchain.engine.ledger.Ledger} port: the
 * deployed contracts and their addresses ({@link org.approvalchain.engine.chain.Contracts}), the
 * exactly-once journal every write goes through ({@code ChainWriter}, table {@code
 * ac_chain_write}), the department account that signs, and typed operations: a case's life on
 * {@code CaseLedger} and {@code DecisionRegistry} ({@link org.approvalchain.engine.chain.CaseChain}),
 * process versions on {@code DefinitionRegistry} ({@link org.approvalchain.engine.chain.Definitions}),
 * the SM3 of deployed code ({@link org.approvalchain.engine.chain.ContractCode}). The crash tests'
 * seam is {@link org.approvalchain.engine.chain.FaultInjection}, inert in production.
 */
package org.approvalchain.engine.chain;
