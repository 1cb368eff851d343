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
import org.approvalchain.engine.ledger.TransactionSigner;
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
        DepartmentAccessContract access = new CaseLedgerContract(codec);
        trustCaseLedger(access);
        departments.all().forEach(d -> grantWrites(d, access));
    }

    /**
     * Makes every contract but the case ledger trust it as the forwarder of its writers' calls, so
     * that {@code CaseLedger.recordCall} makes a step's call as the department and records the step
     * in one transaction.
     */
    private void trustCaseLedger(DepartmentAccessContract access) {
        String caseLedger = address(CaseLedgerContract.NAME);
        for (String contract : addresses.keySet()) {
            if (contract.equals(CaseLedgerContract.NAME)) {
                continue;
            }
            CallResult trusted = read(contract, access.trustedForwarder());
            if (!trusted.succeeded() || !access.decodeTrustedForwarder(trusted.output()).equalsIgnoreCase(caseLedger)) {
                send("forwarder/" + contract + "/" + caseLedger, contract, access.setTrustedForwarder(caseLedger))
                        .requireSucceeded("CHAIN-007 making " + contract + " trust the case ledger " + caseLedger + " as its forwarder");
            }
        }
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
        return writer.call(signer(department, contract), writeKey, contract, address(contract), input);
    }

    /**
     * Sends a {@code CaseLedger.recordCall} of {@code target} (encoded in {@code recordCall}) for the
     * case {@code caseId}, as {@link #send(String, String, String, byte[])} does, once the department
     * is known to write {@code target} as well as the case records.
     */
    TransactionReceipt sendRecordCall(String department, String caseId, String writeKey, String target, byte[] recordCall) {
        if (department != null) {
            mayWrite(department, target);
        }
        return writer.callForCase(signer(department, CaseLedgerContract.NAME), caseId, writeKey, CaseLedgerContract.NAME,
                address(CaseLedgerContract.NAME), recordCall);
    }

    /** The account of {@code department} once it is known to write {@code contract}; the engine's when it is null. */
    private TransactionSigner signer(String department, String contract) {
        if (department == null) {
            return account.signer();
        }
        mayWrite(department, contract);
        return departments.signer(department);
    }

    private void mayWrite(String department, String contract) {
        Department sender = departments.byId(department).orElseThrow(() -> new IllegalStateException(
                "CHAIN-006 unknown department '" + department + "': known are "
                        + departments.all().stream().map(Department::id).toList()));
        if (!sender.mayWrite(contract)) {
            throw new IllegalStateException("CHAIN-006 department " + department + " may not write " + contract
                    + ": it writes " + sender.writes() + " and the case records");
        }
    }

    /** A read-only call of the named contract by the engine's account against the latest state. */
    public CallResult read(String contract, byte[] input) {
        return ledger.call(account.address(), address(contract), input);
    }

    /**
     * Previews a function bound in BPMN: the inputs encoded by the contract's ABI, called (no
     * transaction) from the account of {@code department} (the engine's when null; refused with
     * {@code CHAIN-006} when the department may not write the contract) against the latest state, as
     * {@code CaseLedger.recordCall} will make the call for it.
     */
    public Preview preview(String department, String contract, String function, Map<String, Object> inputs) {
        byte[] input = encode(contract, function, inputs);
        if (department != null) {
            mayWrite(department, contract);
        }
        return new Preview(contract, function, input, ledger.call(departments.accountOf(department), address(contract), input));
    }

    /** The call data of a bound function with these inputs. */
    public byte[] encode(String contract, String function, Map<String, Object> inputs) {
        return interfaceOf(contract).encode(function, inputs);
    }

    /** The named outputs of a bound function from its return data. */
    public Map<String, Object> outputs(String contract, String function, byte[] returned) {
        return interfaceOf(contract).decodeOutputs(function, returned);
    }

    /** A bound call previewed: its encoded input and what it returned (or reverted with). */
    public record Preview(String contract, String function, byte[] input, CallResult result) {
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
