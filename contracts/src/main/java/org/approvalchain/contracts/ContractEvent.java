package org.approvalchain.contracts;

import java.util.List;
import java.util.Map;

/**
 * A log decoded by the contract's ABI: the event's name, its canonical signature (e.g. {@code
 * LicenseRevoked(string,address,string)}), its parameters and its fields by parameter name, in
 * declaration order, as plain Java values (see {@link ContractInterface}); an indexed {@code
 * string} or {@code bytes} field is the hash its topic holds.
 */
public record ContractEvent(String name, String signature, List<AbiParameter> parameters, Map<String, Object> fields) {

    public ContractEvent {
        parameters = List.copyOf(parameters);
    }
}
