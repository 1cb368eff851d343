package org.approvalchain.contracts;

import java.util.ArrayList;
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
        List<TypeReference<Type>> references = new ArrayList<>(outputs.size());
        for (int i = 0; i < outputs.size(); i++) {
            if (!outputs.get(i).supported()) {
                throw failure("output " + description.outputs().get(i).name() + ": unsupported ABI type "
                    + description.outputs().get(i).type());
            }
            references.add(outputs.get(i).reference());
        }
        if (references.isEmpty()) {
            return Map.of();
        }
        List<Type> values = decodeValues(output, references);
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            named.put(description.outputs().get(i).name(), PlainAbiType.toPlain(values.get(i)));
        }
        return Collections.unmodifiableMap(named);
    }

    IllegalArgumentException failure(String problem) {
        return new IllegalArgumentException(contract + "." + description.name() + ": " + problem);
    }

    private List<Type> decodeValues(byte[] output, List<TypeReference<Type>> references) {
        if (output == null || output.length == 0) {
            throw failure("output holds no return values (did the call revert?)");
        }
        try {
            List<Type> values = DECODER.decode(Hex.toHexString(output), references);
            if (values.size() == references.size()) {
                return values;
            }
        } catch (RuntimeException e) {
            throw failure("cannot decode " + output.length + " bytes of output: " + e.getMessage());
        }
        throw failure("cannot decode " + output.length + " bytes of output");
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
