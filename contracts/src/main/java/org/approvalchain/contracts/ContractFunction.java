package org.approvalchain.contracts;

import java.util.List;

/**
 * A function of a contract as its ABI declares it, for binding a process step to it by name:
 * its canonical signature (e.g. {@code issue(string,string,bytes32,uint256,uint256)}), its inputs
 * and outputs in declaration order, and whether it is {@code view}/{@code pure} (a call that
 * needs no transaction).
 */
public record ContractFunction(String name, String signature, List<AbiParameter> inputs,
                               List<AbiParameter> outputs, boolean constant) {

    public ContractFunction {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
