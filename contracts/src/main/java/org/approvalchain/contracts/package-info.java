/**
 * The ApprovalChain contracts as the Java side sees them: the compiled artefacts for ECDSA and SM
 * chains ({@link org.approvalchain.contracts.ContractArtifact}) and one typed facade per contract
 * ({@code CaseLedgerContract}, {@code DecisionRegistryContract}, ...). Facades are pure codecs over
 * a shared {@link org.approvalchain.contracts.AbiCodec}: they turn typed arguments into call data and
 * return data and logs back into records; sending transactions is the ledger's job. For process steps
 * bound to any contract function by name, {@link org.approvalchain.contracts.ContractInterface}
 * encodes calls and decodes return values from the ABI alone, with plain Java values. The Solidity
 * sources in {@code src/main/solidity} are the source of truth, and the tests fail when a facade's
 * signatures drift from the compiled ABI.
 */
package org.approvalchain.contracts;
