package org.approvalchain.contracts;

import java.util.Map;

/**
 * A log decoded by the contract's ABI: the event's name, its canonical signature (e.g. {@code
 * LicenseRevoked(string,address,string)}) and its fields by name, in declaration order, as plain
 * Java values (see {@link ContractInterface}); an indexed {@code string} or {@code bytes} field is
 * the hash its topic holds.
 */
public record ContractEvent(String name, String signature, Map<String, Object> fields) {
}
