package org.approvalchain.engine.explorer;

import java.util.List;
import java.util.Map;

import org.approvalchain.contracts.AbiParameter;
import org.approvalchain.contracts.ContractCall;
import org.approvalchain.engine.chain.CallDecoder;
import org.approvalchain.engine.explorer.TransactionView.Event;
import org.approvalchain.engine.explorer.TransactionView.Value;
import org.approvalchain.engine.ledger.EventLog;
import org.approvalchain.engine.ledger.SealedTransaction;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.springframework.stereotype.Component;
import org.web3j.utils.Numeric;

/**
 * A transaction for the reader, by the ABIs of the engine's contracts ({@link CallDecoder}): call
 * data into the function and its arguments as text, logs into events and their fields. What no ABI
 * decodes (another account's contract, data that does not fit) stays raw hex.
 */
@Component
class TransactionDecoder {

    private final CallDecoder decoder;

    TransactionDecoder(CallDecoder decoder) {
        this.decoder = decoder;
    }

    /**
     * What a transaction called: the contract by name (null when not one of ours) and, when decoded,
     * function and arguments; for a {@code CaseLedger.recordCall}, the step's call it made (decoded
     * the same way), else null.
     */
    record Call(String contract, String function, String signature, List<Value> arguments, Call forwarded) {
    }

    /** The contract a deployment created, or the one a call went to, and the call decoded when its ABI fits. */
    Call call(SealedTransaction tx, TransactionReceipt receipt) {
        if (tx.isDeployment()) {
            return new Call(decoder.contractAt(receipt.contractAddress()), null, null, List.of(), null);
        }
        return call(decoder.contractAt(tx.to()), tx.input());
    }

    private Call call(String contract, byte[] input) {
        return decoder.decode(contract, input)
                .map(c -> new Call(contract, c.function().name(), c.function().signature(),
                        values(c.function().inputs(), c.arguments()), forwarded(contract, c)))
                .orElseGet(() -> new Call(contract, null, null, List.of(), null));
    }

    /** The step's call inside a {@code CaseLedger.recordCall}, null for any other call. */
    private Call forwarded(String contract, ContractCall call) {
        return decoder.forwarded(contract, call).map(f -> call(f.contract(), f.input())).orElse(null);
    }

    /** The receipt's logs, each decoded by the ABI of the contract that emitted it when it can be. */
    List<Event> events(TransactionReceipt receipt) {
        return receipt.logs().stream().map(this::event).toList();
    }

    private Event event(EventLog log) {
        String contract = decoder.contractAt(log.address());
        return decoder.decodeEvent(contract, log.topics(), log.data())
                .map(e -> new Event(log.logIndex(), log.address(), contract, e.name(), e.signature(),
                        values(e.parameters(), e.fields()), List.of(), null))
                .orElseGet(() -> raw(log, contract));
    }

    private static Event raw(EventLog log, String contract) {
        return new Event(log.logIndex(), log.address(), contract, null, null, List.of(), log.topics(),
                Numeric.toHexString(log.data()));
    }

    private static List<Value> values(List<AbiParameter> parameters, Map<String, Object> values) {
        return parameters.stream().map(p -> new Value(p.name(), p.type(), String.valueOf(values.get(p.name())))).toList();
    }
}
