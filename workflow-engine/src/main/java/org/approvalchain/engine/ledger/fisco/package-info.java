/**
 * The FISCO BCOS adapter of the ledger: submits the engine's signed transactions to a FISCO BCOS
 * 3.x chain through the Java SDK and maps blocks, receipts and events back. The SDK configuration
 * ({@code config.toml} and the certificates it points to) comes from {@code bcos-config}. The only
 * package that imports the SDK's client and network classes.
 */
package org.approvalchain.engine.ledger.fisco;
