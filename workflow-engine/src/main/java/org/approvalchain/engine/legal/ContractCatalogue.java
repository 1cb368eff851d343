package org.approvalchain.engine.legal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.approvalchain.contracts.AbiParameter;
import org.approvalchain.contracts.ContractFunction;
import org.approvalchain.contracts.ContractInterface;

/**
 * The contracts a model may bind its automatic steps to, taken from their ABIs (compiled
 * artefacts, not a live chain), and the check of one binding: contract known, function in its ABI,
 * every input mapped by an {@code input.*} property with a value and no unknown input.
 */
public final class ContractCatalogue {

    /** The functions every contract inherits from {@code DepartmentAccess} to manage its writers and admin. */
    private static final Set<String> ROLE_FUNCTIONS = Set.of("grantWriter", "revokeWriter", "transferAdmin");

    private final Map<String, ContractInterface> contracts = new LinkedHashMap<>();

    public ContractCatalogue(List<ContractInterface> interfaces) {
        interfaces.forEach(i -> contracts.put(i.contractName(), i));
    }

    /**
     * Every function a model may bind a step to, by contract: those that change state (a rule's
     * evaluation included), without the role functions; read-only calls need no step.
     */
    public Map<String, List<ContractFunction>> bindableFunctions() {
        Map<String, List<ContractFunction>> bindable = new LinkedHashMap<>();
        contracts.forEach((name, contract) -> bindable.put(name, contract.functions().stream()
                .filter(f -> !f.constant() && !ROLE_FUNCTIONS.contains(f.name())).toList()));
        return bindable;
    }

    /** What is wrong with the binding of this element, empty when it is sound. */
    List<String> problemsOf(TaskElement task) {
        String contract = task.property("contract");
        String function = task.property("function");
        if (contract == null || function == null) {
            return List.of("an automatic step must be bound to a contract function: set the properties 'contract' and 'function'");
        }
        ContractInterface known = contracts.get(contract);
        if (known == null) {
            return List.of("unknown contract '" + contract + "'; known are " + contracts.keySet());
        }
        if (ROLE_FUNCTIONS.contains(function)) {
            return List.of(contract + "." + function + " administers who may write the contract: a model may not call it");
        }
        ContractFunction bound;
        try {
            bound = known.function(function);
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
        return inputProblems(contract, bound, task);
    }

    private static List<String> inputProblems(String contract, ContractFunction function, TaskElement task) {
        Set<String> mapped = new LinkedHashSet<>();
        task.properties().keySet().stream().filter(n -> n.startsWith("input.") && task.property(n) != null)
                .map(n -> n.substring("input.".length())).forEach(mapped::add);
        List<String> expected = function.inputs().stream().map(AbiParameter::name).toList();
        List<String> problems = new ArrayList<>();
        List<String> missing = expected.stream().filter(n -> !mapped.contains(n)).toList();
        if (!missing.isEmpty()) {
            problems.add(contract + "." + function.signature() + ": input(s) " + missing + " not mapped; add input.<name> properties");
        }
        List<String> unknown = mapped.stream().filter(n -> !expected.contains(n)).toList();
        if (!unknown.isEmpty()) {
            problems.add(contract + "." + function.signature() + " has no input(s) " + unknown + "; it takes " + expected);
        }
        return problems;
    }
}
