/**
 * The chain explorer: the chain's latest blocks, a block with its transactions, and a transaction
 * with its receipt decoded by the contracts' ABIs (contract, function and arguments, events and
 * their fields, status and revert reason) and the case it belongs to, as the engine's journal of
 * chain writes records it; found by transaction hash, block number or hash, case id or licence
 * number. Legal reviewers and administrators see every transaction; anyone else only those of the
 * cases they may read ({@link org.approvalchain.engine.process.CaseAccess}). Reads the ledger port,
 * so it works alike on the embedded ledger and on FISCO BCOS.
 */
package org.approvalchain.engine.explorer;
