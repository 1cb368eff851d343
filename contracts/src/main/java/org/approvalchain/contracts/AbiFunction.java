package org.approvalchain.contracts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fisco.bcos.sdk.v3.codec.abi.FunctionEncoder;
import org.fisco.bcos.sdk.v3.codec.abi.FunctionReturnDecoder;
import org.fisco.bcos.sdk.v3.codec.datatypes.Type;
import org.fisco.bcos.sdk.v3.codec.datatypes.TypeReference;
import org.fisco.bcos.sdk.v3.codec.wrapper.ABIDefinition;
import org.fisco.bcos.sdk.v3.codec.wrapper.ABIDefinition.NamedType;
import org.fisco.bcos.sdk.v3.utils.Hex;

/**
 * One function of a {@link ContractInterface}, bound once to its selector and parameter types:
 * encoding a call is converting the values and the SDK's static parameter encoding, with no ABI
 * parsing and no hashing. Immutable.
 */
final class AbiFunction {
    private static final FunctionReturnDecoder DECODER = new FunctionReturnDecoder();

    private final String contract;
    private final ContractFunction description;
    private final byte[] selector;
    private final List<PlainAbiType> inputs;
    private final List<PlainAbiType> outputs;

    private AbiFunction(String contract, ContractFunction description, byte[] selector) {
        this.contract = contract;
        this.description = description;
        this.selector = selector;
        this.inputs = description.inputs().stream().map(p -> PlainAbiType.of(p.type())).toList();
        this.outputs = description.outputs().stream().map(p -> PlainAbiType.of(p.type())).toList();
    }

    /** Binds a parsed ABI entry; the selector hashes its canonical signature with the chain's hash. */
    static AbiFunction bind(String contract, ABIDefinition definition, FunctionEncoder selectors) {
        String signature = definition.getMethodSignatureAsString();
        ContractFunction description = new ContractFunction(definition.getName(), signature,
            parameters(definition.getInputs()), parameters(definition.getOutputs()), definition.isConstant());
        return new AbiFunction(contract, description, selectors.buildMethodId(signature));
    }

    ContractFunction description() {
        return description;
    }

    /** Call data: selector and the values, in declaration order, converted to the declared types. */
    byte[] encode(List<?> values) {
        List<Type> arguments = new ArrayList<>(values.size());
        for (int i = 0; i < inputs.size(); i++) {
            try {
                arguments.add(inputs.get(i).toAbi(values.get(i)));
            } catch (IllegalArgumentException e) {
                throw failure("parameter " + description.inputs().get(i).name() + ": " + e.getMessage());
            }
        }
        return FunctionEncoder.encodeParameters(arguments, selector);
    }

    /** Return values by output name, in declaration order, as plain Java values. */
    Map<String, Object> decode(byte[] output) {
        return decodeNamed("output", output, outputs, description.outputs());
    }

    /** Whether {@code input} is call data of this function: it starts with its selector. */
    boolean selects(byte[] input) {
        return input != null && input.length >= selector.length
            && Arrays.equals(input, 0, selector.length, selector, 0, selector.length);
    }

    /** The arguments of call data of this function by input name, in declaration order, as plain Java values. */
    Map<String, Object> decodeInputs(byte[] input) {
        if (!selects(input)) {
            throw failure("call data does not start with the selector of " + description.signature());
        }
        return decodeNamed("input", Arrays.copyOfRange(input, selector.length, input.length), inputs, description.inputs());
    }

    private Map<String, Object> decodeNamed(String what, byte[] data, List<PlainAbiType> types, List<AbiParameter> parameters) {
        List<TypeReference<Type>> references = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            if (!types.get(i).supported()) {
                throw failure(what + " " + parameters.get(i).name() + ": unsupported ABI type " + parameters.get(i).type());
            }
            references.add(types.get(i).reference());
        }
        if (references.isEmpty()) {
            return Map.of();
        }
        List<Type> values = decodeValues(what, data, references);
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            named.put(parameters.get(i).name(), PlainAbiType.toPlain(values.get(i)));
        }
        return Collections.unmodifiableMap(named);
    }

    IllegalArgumentException failure(String problem) {
        return new IllegalArgumentException(contract + "." + description.name() + ": " + problem);
    }

    private List<Type> decodeValues(String what, byte[] data, List<TypeReference<Type>> references) {
        if (data == null || data.length == 0) {
            throw failure("output".equals(what) ? "output holds no return values (did the call revert?)" : what + " holds no arguments");
        }
        try {
            List<Type> values = DECODER.decode(Hex.toHexString(data), references);
            if (values.size() == references.size()) {
                return values;
            }
        } catch (RuntimeException e) {
            throw failure("cannot decode " + data.length + " bytes of " + what + ": " + e.getMessage());
        }
        throw failure("cannot decode " + data.length + " bytes of " + what);
    }

    /** Declared parameters, unnamed ones named {@code _0}, {@code _1}, ... by position. */
    private static List<AbiParameter> parameters(List<NamedType> declared) {
        List<AbiParameter> parameters = new ArrayList<>();
        for (int i = 0; declared != null && i < declared.size(); i++) {
            String name = declared.get(i).getName();
            parameters.add(new AbiParameter(name == null || name.isEmpty() ? "_" + i : name,
                declared.get(i).getTypeAsString()));
        }
        return parameters;
    }
}
