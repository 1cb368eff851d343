/**
 * The ledger: the port through which the engine writes to and reads from the chain, with its
 * records, and two adapters. {@code embedded} executes FISCO-format transactions with an embedded
 * EVM on one machine (the default, as H2 is for the database); {@code fisco} talks to a FISCO BCOS
 * consortium chain through the FISCO SDK. Transactions are built and signed the same way for both.
 */
package org.approvalchain.engine.ledger;
