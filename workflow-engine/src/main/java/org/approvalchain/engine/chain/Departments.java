package org.approvalchain.engine.chain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.approvalchain.engine.ledger.KeyFile;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.ledger.LedgerProperties;
import org.approvalchain.engine.ledger.SealedTransaction;
import org.approvalchain.engine.ledger.TransactionSigner;
import org.springframework.stereotype.Component;

/**
 * The departments that write to the chain ({@link DepartmentProperties}), each with the account its
 * own key signs with. A step's transactions go out under the account of the department its process
 * names; the engine account, the contracts' admin, grants each department the contracts it writes
 * (see {@link Contracts}).
 */
@Component
public class Departments {

    private final Map<String, Department> departments = new LinkedHashMap<>();
    private final Map<String, TransactionSigner> signers = new LinkedHashMap<>();
    private final Ledger ledger;
    private final EngineAccount engine;

    Departments(DepartmentProperties properties, LedgerProperties ledgerProperties, Ledger ledger, EngineAccount engine) {
        this.ledger = ledger;
        this.engine = engine;
        properties.accounts().forEach((id, entry) -> {
            TransactionSigner signer = new TransactionSigner(ledgerProperties.crypto(),
                    KeyFile.loadOrCreate(properties.keysDir().resolve(id + ".key")));
            signers.put(id, signer);
            departments.put(id, new Department(id, entry.name(), entry.nameEn(), signer.address(), entry.writes()));
        });
    }

    /**
     * A department: its id (what a BPMN model names), its names, the address of its account, and the
     * contracts it writes besides the case records.
     */
    public record Department(String id, String name, String nameEn, String address, List<String> writes) {

        public Department {
            writes = List.copyOf(writes);
        }

        /** Whether the department's account may send transactions to the named contract. */
        public boolean mayWrite(String contract) {
            return DepartmentProperties.CASE_RECORDS.contains(contract) || writes.contains(contract);
        }
    }

    public List<Department> all() {
        return List.copyOf(departments.values());
    }

    public Optional<Department> byId(String id) {
        return Optional.ofNullable(id == null ? null : departments.get(id));
    }

    /** The department whose account has this address, if any (case-insensitive hex). */
    public Optional<Department> byAddress(String address) {
        return departments.values().stream().filter(d -> d.address().equalsIgnoreCase(address)).findFirst();
    }

    /** The address that must sign the writes of a department (the engine account's when the id is null). */
    public String accountOf(String id) {
        return id == null ? engine.address() : byId(id).map(Department::address).orElse(null);
    }

    /** The department whose account signed a transaction on chain, if a department's did. */
    public Optional<Department> sentBy(String txHash) {
        return txHash == null ? Optional.empty()
                : ledger.transaction(txHash).map(SealedTransaction::from).flatMap(this::byAddress);
    }

    /** The signer of a department's account; the caller has found the department with {@link #byId}. */
    TransactionSigner signer(String id) {
        return signers.get(id);
    }
}
