package org.approvalchain.engine.ledger;

import java.util.List;
import java.util.Optional;

/**
 * The chain as the engine sees it: send a signed transaction (a deployment when it has no
 * recipient) and get its receipt once it is in a block, make a read-only call, and read blocks,
 * transactions, receipts and contract events back. Transactions are FISCO BCOS transactions built and signed by
 * {@link TransactionSigner}; both adapters accept exactly the same bytes.
 */
public interface Ledger extends AutoCloseable {

    /** Adapter, crypto type, chain and group id and the current height: what a signer needs. */
    LedgerStatus status();

    /**
     * Submits a signed transaction and waits until it is sealed in a block.
     *
     * @throws TransactionRejectedException when the transaction is not accepted at all (bad
     *     signature, wrong chain or group, block limit expired, replay); a transaction that is
     *     accepted but reverts yields a receipt whose status says so.
     */
    TransactionReceipt send(SignedTransaction transaction);

    /**
     * Executes a call against the latest state, nothing recorded: as eth_call does, not a static
     * call, so a function that writes or emits events returns what it would (a step's preview).
     */
    CallResult call(String from, String to, byte[] input);

    /** The runtime bytecode deployed at {@code address} (empty when there is no contract). */
    byte[] code(String address);

    Optional<Block> blockByNumber(long number);

    Optional<Block> blockByHash(String hash);

    Optional<TransactionReceipt> receipt(String transactionHash);

    /** A transaction sealed in a block, with its call data; empty when the chain has none of that hash. */
    Optional<SealedTransaction> transaction(String transactionHash);

    /** The logs emitted by one contract in blocks {@code fromBlock..toBlock}, inclusive, in order. */
    List<EventLog> events(String contractAddress, long fromBlock, long toBlock);

    @Override
    void close();
}
