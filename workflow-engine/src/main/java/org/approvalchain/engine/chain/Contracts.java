package org.approvalchain.engine.chain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.approvalchain.contracts.AbiCodec;
import org.approvalchain.contracts.ApproverKeyRegistryContract;
import org.approvalchain.contracts.CaseLedgerContract;
import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.contracts.ContractArtifact;
import org.approvalchain.contracts.ContractInterface;
import org.approvalchain.contracts.DecisionRegistryContract;
import org.approvalchain.contracts.DefinitionRegistryContract;
import org.approvalchain.contracts.DepartmentAccessContract;
import org.approvalchain.engine.chain.Departments.Department;
import org.approvalchain.contracts.ProxyAuthorisationContract;
import org.approvalchain.engine.ledger.CallResult;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.springframework.stereotype.Component;

/**
 * The engine's contracts on its chain, by name ({@code CaseLedger}, {@code DecisionRegistry}, ...):
 * their addresses, their ABI-driven interfaces, and the two ways to use them. {@link #send} writes
 * exactly once per write key (the journal {@code ac_chain_write}: after a crash, a rollback or on
 * another node the same key resends the same signed transaction), from the engine account or from a
 * department's; {@link #read} is a static call. At start-up the engine account, the contracts' admin,
 * grants every department the writes it is configured for ({@code DepartmentAccess.grantWriter}).
 */
@Component
public class Contracts {

    /**
     * The engine's own records: cases and steps, signed decisions, process versions, approvers' keys,
     * applicants' authorisations of agents.
     * Only the engine writes them, never a model's step: a step bound to them could forge a record.
     */
    private static final Set<String> ENGINE_RECORDS = Set.of(CaseLedgerContract.NAME, DecisionRegistryContract.NAME,
            DefinitionRegistryContract.NAME, ApproverKeyRegistryContract.NAME, ProxyAuthorisationContract.NAME);

    private final AbiCodec codec;
    private final Map<String, String> addresses;
    private final Map<String, ContractInterface> interfaces = new LinkedHashMap<>();
    private final ChainWriter writer;
    private final Ledger ledger;
    private final EngineAccount account;
    private final Departments departments;

    Contracts(ContractDeployment deployment, ChainWriter writer, Ledger ledger, EngineAccount account, Departments departments) {
        this.codec = deployment.codec();
        this.addresses = Map.copyOf(deployment.addresses());
        interfaces(codec.crypto()).forEach(i -> interfaces.put(i.contractName(), i));
        this.writer = writer;
        this.ledger = ledger;
        this.account = account;
        this.departments = departments;
        // every contract shares DepartmentAccess, so any one of them encodes its functions
        departments.all().forEach(d -> grantWrites(d, new CaseLedgerContract(codec)));
    }

    private void grantWrites(Department department, DepartmentAccessContract access) {
        for (String contract : addresses.keySet()) {
            if (!department.mayWrite(contract)) {
                continue;
            }
            CallResult granted = read(contract, access.isWriter(department.address()));
            if (!granted.succeeded() || !access.decodeIsWriter(granted.output())) {
                send("grant/" + contract + "/" + department.address(), contract,
                        access.grantWriter(department.address(), department.id()))
                        .requireSucceeded("CHAIN-004 granting department " + department.id() + " the writes on " + contract);
            }
        }
        department.writes().stream().filter(contract -> !addresses.containsKey(contract)).findFirst().ifPresent(unknown -> {
            throw new IllegalStateException("CHAIN-005 department " + department.id() + " is configured to write '" + unknown
                    + "', which is no contract of the engine: known are " + addresses.keySet());
        });
    }

    /**
     * The interface of every contract the engine deploys, from the compiled artefacts alone (no
     * chain needed): what a BPMN model may bind its steps to.
     */
    public static List<ContractInterface> interfaces(ChainCrypto crypto) {
        return ContractDeployment.all(new AbiCodec(crypto)).stream().map(c -> c.artifact().name())
                .filter(name -> !ENGINE_RECORDS.contains(name))
                .map(name -> new ContractInterface(ContractArtifact.load(name, crypto))).toList();
    }

    /** The codec of the chain's crypto type, for the typed facades. */
    public AbiCodec codec() {
        return codec;
    }

    /** The address of a contract by name. */
    public String address(String name) {
        String address = addresses.get(name);
        if (address == null) {
            throw new IllegalArgumentException("unknown contract '" + name + "': known are " + addresses.keySet());
        }
        return address;
    }

    public Map<String, String> addresses() {
        return addresses;
    }

    /** Sends {@code input} (an encoded call) to the named contract from the engine account, once for {@code writeKey}. */
    public TransactionReceipt send(String writeKey, String contract, byte[] input) {
        return writer.call(account.signer(), writeKey, contract, address(contract), input);
    }

    /**
     * Sends {@code input} to the named contract from the account of {@code department} (the engine
     * account when it is null: a process that names no department), once for {@code writeKey}.
     */
    public TransactionReceipt send(String department, String writeKey, String contract, byte[] input) {
        if (department == null) {
            return send(writeKey, contract, input);
        }
        Department sender = departments.byId(department).orElseThrow(() -> new IllegalStateException(
                "CHAIN-006 unknown department '" + department + "': known are "
                        + departments.all().stream().map(Department::id).toList()));
        if (!sender.mayWrite(contract)) {
            throw new IllegalStateException("CHAIN-006 department " + department + " may not write " + contract
                    + ": it writes " + sender.writes() + " and the case records");
        }
        return writer.call(departments.signer(department), writeKey, contract, address(contract), input);
    }

    /** A read-only call of the named contract by the engine's account against the latest state. */
    public CallResult read(String contract, byte[] input) {
        return ledger.call(account.address(), address(contract), input);
    }

    /**
     * Calls a function bound in BPMN from the account of {@code department} (see {@link #send(String,
     * String, String, byte[])}), once for {@code writeKey}: the inputs encoded by the contract's ABI,
     * the outputs decoded when it succeeded (empty when it reverted).
     */
    public BoundCall call(String department, String writeKey, String contract, String function, Map<String, Object> inputs) {
        ContractInterface bound = interfaceOf(contract);
        TransactionReceipt receipt = send(department, writeKey, contract, bound.encode(function, inputs));
        return new BoundCall(receipt, receipt.succeeded() ? bound.decodeOutputs(function, receipt.output()) : Map.of());
    }

    /** A bound call's receipt and, when it succeeded, its named outputs. */
    public record BoundCall(TransactionReceipt receipt, Map<String, Object> outputs) {
    }

    private ContractInterface interfaceOf(String name) {
        address(name);
        ContractInterface bound = interfaces.get(name);
        if (bound == null) {
            throw new IllegalArgumentException("contract '" + name + "' holds the engine's own records: a model's step may not call it");
        }
        return bound;
    }
}
