package org.approvalchain.engine.explorer;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.approvalchain.contracts.AbiParameter;
import org.approvalchain.contracts.CaseLedgerContract;
import org.approvalchain.contracts.ContractArtifact;
import org.approvalchain.contracts.ContractCall;
import org.approvalchain.contracts.ContractInterface;
import org.approvalchain.engine.chain.Contracts;
import org.approvalchain.engine.explorer.TransactionView.Event;
import org.approvalchain.engine.explorer.TransactionView.Value;
import org.approvalchain.engine.ledger.EventLog;
import org.approvalchain.engine.ledger.SealedTransaction;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.springframework.stereotype.Component;
import org.web3j.utils.Numeric;

/**
 * Reads transactions by the ABIs of the engine's contracts, each bound once to the address it was
 * deployed at: call data into the function and its arguments, logs into events and their fields.
 * What no ABI decodes (another account's contract, data that does not fit) stays raw hex.
 */
@Component
class TransactionDecoder {

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, ContractInterface> interfaces = new HashMap<>();

    TransactionDecoder(Contracts contracts) {
        contracts.addresses().forEach((name, address) -> {
            names.put(address.toLowerCase(Locale.ROOT), name);
            interfaces.put(name, new ContractInterface(ContractArtifact.load(name, contracts.codec().crypto())));
        });
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
            return new Call(contractAt(receipt.contractAddress()), null, null, List.of(), null);
        }
        return call(contractAt(tx.to()), tx.input());
    }

    private Call call(String contract, byte[] input) {
        return decode(contract, input)
                .map(c -> new Call(contract, c.function().name(), c.function().signature(),
                        values(c.function().inputs(), c.arguments()), forwarded(contract, c)))
                .orElseGet(() -> new Call(contract, null, null, List.of(), null));
    }

    /** The step's call inside a {@code CaseLedger.recordCall}, null for any other call. */
    private Call forwarded(String contract, ContractCall call) {
        if (!CaseLedgerContract.NAME.equals(contract) || !"recordCall".equals(call.function().name())) {
            return null;
        }
        return call(contractAt(String.valueOf(call.arguments().get("target"))),
                Numeric.hexStringToByteArray(String.valueOf(call.arguments().get("input"))));
    }

    /** The receipt's logs, each decoded by the ABI of the contract that emitted it when it can be. */
    List<Event> events(TransactionReceipt receipt) {
        return receipt.logs().stream().map(this::event).toList();
    }

    private Event event(EventLog log) {
        String contract = contractAt(log.address());
        try {
            return Optional.ofNullable(contract).map(interfaces::get).flatMap(i -> i.decodeEvent(log.topics(), log.data()))
                    .map(e -> new Event(log.logIndex(), log.address(), contract, e.name(), e.signature(),
                            values(e.parameters(), e.fields()), List.of(), null))
                    .orElseGet(() -> raw(log, contract));
        } catch (IllegalArgumentException undecodable) {
            return raw(log, contract);
        }
    }

    private Optional<ContractCall> decode(String contract, byte[] input) {
        try {
            return Optional.ofNullable(contract).map(interfaces::get).flatMap(i -> i.decodeCall(input));
        } catch (IllegalArgumentException undecodable) {
            return Optional.empty();
        }
    }

    private String contractAt(String address) {
        return address == null ? null : names.get(address.toLowerCase(Locale.ROOT));
    }

    private static Event raw(EventLog log, String contract) {
        return new Event(log.logIndex(), log.address(), contract, null, null, List.of(), log.topics(),
                Numeric.toHexString(log.data()));
    }

    private static List<Value> values(List<AbiParameter> parameters, Map<String, Object> values) {
        return parameters.stream().map(p -> new Value(p.name(), p.type(), String.valueOf(values.get(p.name())))).toList();
    }
}
