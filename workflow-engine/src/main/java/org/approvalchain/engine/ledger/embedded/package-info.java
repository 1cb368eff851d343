/**
 * The embedded ledger adapter: a one-node chain in this process. Transactions are verified like a
 * FISCO BCOS node verifies them, executed by go-ethereum's EVM through libevm on one thread, and
 * sealed into signed, hash-linked blocks kept in an H2 store of their own; the world state lives
 * in LevelDB. Only this package imports {@code io.horizen.evm}.
 */
package org.approvalchain.engine.ledger.embedded;
