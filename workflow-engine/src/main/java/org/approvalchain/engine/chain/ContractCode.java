package org.approvalchain.engine.chain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.approvalchain.engine.crypto.Sm3;
import org.approvalchain.engine.ledger.Ledger;
import org.springframework.stereotype.Component;

/**
 * Which code a contract runs: the SM3 hash of its runtime bytecode as read from the chain, the
 * contract's version as a legal reviewer can check it (the automation map and each automated result
 * of a case name it). Read once per contract; deployed code never changes at an address.
 */
@Component
public class ContractCode {

    private final Ledger ledger;
    private final Contracts contracts;
    private final Map<String, String> hashes = new ConcurrentHashMap<>();

    ContractCode(Ledger ledger, Contracts contracts) {
        this.ledger = ledger;
        this.contracts = contracts;
    }

    /** The SM3 of the deployed runtime bytecode, {@code 0x}-hex; null for a contract the engine did not deploy. */
    public String sm3(String contractName) {
        if (contractName == null || !contracts.addresses().containsKey(contractName)) {
            return null;
        }
        return hashes.computeIfAbsent(contractName, name -> Sm3.hex(ledger.code(contracts.address(name))));
    }

    /** The contract's address, null for a contract the engine did not deploy. */
    public String address(String contractName) {
        return contractName == null ? null : contracts.addresses().get(contractName);
    }
}
