package org.approvalchain.engine.crash;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.approvalchain.engine.ledger.Block;
import org.approvalchain.engine.ledger.CallResult;
import org.approvalchain.engine.ledger.EventLog;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.ledger.LedgerStatus;
import org.approvalchain.engine.ledger.LedgerUnavailableException;
import org.approvalchain.engine.ledger.SealedTransaction;
import org.approvalchain.engine.ledger.SignedTransaction;
import org.approvalchain.engine.ledger.TransactionReceipt;

/**
 * The real ledger with a switch: while it is off, every transaction sent is refused as if the
 * chain could not be reached (reads still work, as they would from a node that cannot reach
 * consensus); it counts the refused sends.
 */
final class SwitchableLedger implements Ledger {

    static final String CODE = "LEDGER-TEST";

    private final Ledger real;
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean off;

    SwitchableLedger(Ledger real) {
        this.real = real;
    }

    void switchOff() {
        off = true;
    }

    void switchOn() {
        off = false;
    }

    int refusedSends() {
        return refused.get();
    }

    @Override
    public TransactionReceipt send(SignedTransaction transaction) {
        if (off) {
            refused.incrementAndGet();
            throw new LedgerUnavailableException(CODE, "the chain is switched off by the test");
        }
        return real.send(transaction);
    }

    @Override
    public LedgerStatus status() {
        return real.status();
    }

    @Override
    public CallResult call(String from, String to, byte[] input) {
        return real.call(from, to, input);
    }

    @Override
    public byte[] code(String address) {
        return real.code(address);
    }

    @Override
    public Optional<Block> blockByNumber(long number) {
        return real.blockByNumber(number);
    }

    @Override
    public Optional<Block> blockByHash(String hash) {
        return real.blockByHash(hash);
    }

    @Override
    public Optional<TransactionReceipt> receipt(String transactionHash) {
        return real.receipt(transactionHash);
    }

    @Override
    public Optional<SealedTransaction> transaction(String transactionHash) {
        return real.transaction(transactionHash);
    }

    @Override
    public List<EventLog> events(String contractAddress, long fromBlock, long toBlock) {
        return real.events(contractAddress, fromBlock, toBlock);
    }

    @Override
    public void close() {
        // the real ledger is closed by its own bean
    }
}
