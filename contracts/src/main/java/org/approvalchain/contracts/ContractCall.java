package org.approvalchain.contracts;

import java.util.Map;

/**
 * A transaction's call data decoded by the contract's ABI: the function it calls and its
 * arguments by input name, in declaration order, as plain Java values (see {@link ContractInterface}).
 */
public record ContractCall(ContractFunction function, Map<String, Object> arguments) {
}
