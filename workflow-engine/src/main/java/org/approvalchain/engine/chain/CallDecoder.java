package org.approvalchain.engine.chain;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.approvalchain.contracts.CaseLedgerContract;
import org.approvalchain.contracts.ContractArtifact;
import org.approvalchain.contracts.ContractCall;
import org.approvalchain.contracts.ContractEvent;
import org.approvalchain.contracts.ContractInterface;
import org.approvalchain.engine.crypto.CanonicalJson;
import org.approvalchain.engine.crypto.Sm3;
import org.springframework.stereotype.Component;
import org.web3j.utils.Numeric;

/**
 * Reads what went to the engine's contracts by their ABIs, each bound once to the address it was
 * deployed at: which contract an address is, which function call data calls and with what, the
 * call a {@code CaseLedger.recordCall} made for a step, and a contract's logs. What no ABI decodes
 * (another account's contract, data that does not fit) comes back empty.
 */
@Component
public class CallDecoder {

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, ContractInterface> interfaces = new HashMap<>();

    CallDecoder(Contracts contracts) {
        contracts.addresses().forEach((name, address) -> {
            names.put(address.toLowerCase(Locale.ROOT), name);
            interfaces.put(name, new ContractInterface(ContractArtifact.load(name, contracts.codec().crypto())));
        });
    }

    /** The name of the engine's contract at the address; null when none is (or the address is null). */
    public String contractAt(String address) {
        return address == null ? null : names.get(address.toLowerCase(Locale.ROOT));
    }

    /** Call data to the named contract decoded: the function and its arguments; empty when it fits none. */
    public Optional<ContractCall> decode(String contract, byte[] input) {
        try {
            return Optional.ofNullable(contract).map(interfaces::get).flatMap(i -> i.decodeCall(input));
        } catch (IllegalArgumentException undecodable) {
            return Optional.empty();
        }
    }

    /**
     * The hash a step's inputs are recorded with: SM3 of its call's arguments, as the named contract's
     * ABI decodes them from the call data, in canonical JSON; empty when no ABI decodes it. From the
     * call data, so that a verifier recomputes it from the chain alone.
     */
    public Optional<String> argumentsHash(String contract, byte[] input) {
        return decode(contract, input).map(call -> Sm3.hex(CanonicalJson.object(call.arguments())));
    }

    /**
     * The call a {@code CaseLedger.recordCall} made: the contract it went to (null when none of the
     * engine's) and its call data; empty for any other call.
     */
    public Optional<Call> forwarded(String contract, ContractCall call) {
        if (!CaseLedgerContract.NAME.equals(contract) || !"recordCall".equals(call.function().name())) {
            return Optional.empty();
        }
        return Optional.of(new Call(contractAt(String.valueOf(call.arguments().get("target"))),
                Numeric.hexStringToByteArray(String.valueOf(call.arguments().get("input")))));
    }

    /** A call as it went to a contract: the contract's name (null when none of the engine's) and the call data. */
    public record Call(String contract, byte[] input) {
    }

    /** A log of the named contract decoded; empty when it is none of that contract's events. */
    public Optional<ContractEvent> decodeEvent(String contract, List<String> topics, byte[] data) {
        try {
            return Optional.ofNullable(contract).map(interfaces::get).flatMap(i -> i.decodeEvent(topics, data));
        } catch (IllegalArgumentException undecodable) {
            return Optional.empty();
        }
    }
}
