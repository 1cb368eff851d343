/**
 * The ledger port: the narrow {@link org.approvalchain.engine.ledger.Ledger} interface through
 * which the engine sends signed transactions to the chain and reads blocks, receipts and events
 * back, with its records, the FISCO transaction format both adapters accept ({@link
 * org.approvalchain.engine.ledger.TransactionSigner}, {@link
 * org.approvalchain.engine.ledger.ChainSignatures}) and its settings. Two adapters: {@code
 * embedded} executes FISCO-format transactions with an embedded EVM on one machine (the default, as
 * H2 is for the database); {@code fisco} talks to a FISCO BCOS consortium chain through the FISCO
 * SDK. What the engine does with the chain lives above, in {@code chain}.
 */
package org.approvalchain.engine.ledger;
