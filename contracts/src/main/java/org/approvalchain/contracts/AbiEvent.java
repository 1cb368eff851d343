package org.approvalchain.contracts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fisco.bcos.sdk.v3.codec.EventEncoder;
import org.fisco.bcos.sdk.v3.codec.abi.FunctionReturnDecoder;
import org.fisco.bcos.sdk.v3.codec.datatypes.Type;
import org.fisco.bcos.sdk.v3.codec.datatypes.TypeReference;
import org.fisco.bcos.sdk.v3.codec.wrapper.ABIDefinition;
import org.fisco.bcos.sdk.v3.codec.wrapper.ABIDefinition.NamedType;
import org.fisco.bcos.sdk.v3.utils.Hex;

/**
 * One event of a {@link ContractInterface}, bound once to its topic (the hash of its signature,
 * Keccak-256 or SM3) and parameter types: decoding a log is the SDK's decoding of the data and the
 * indexed topics, with no ABI parsing. An indexed {@code string} or {@code bytes} is only its hash
 * in the topic, so it comes back as that hash. Immutable.
 */
final class AbiEvent {
    private static final FunctionReturnDecoder DECODER = new FunctionReturnDecoder();

    private final String contract;
    private final String name;
    private final String signature;
    private final String topic;
    private final List<NamedType> parameters;
    private final List<PlainAbiType> types;

    private AbiEvent(String contract, ABIDefinition definition, EventEncoder topics) {
        this.contract = contract;
        this.name = definition.getName();
        this.signature = definition.getMethodSignatureAsString();
        this.topic = topics.buildEventSignature(signature).toLowerCase(Locale.ROOT);
        this.parameters = List.copyOf(definition.getInputs());
        this.types = parameters.stream().map(p -> PlainAbiType.of(p.getTypeAsString())).toList();
    }

    static AbiEvent bind(String contract, ABIDefinition definition, EventEncoder topics) {
        return new AbiEvent(contract, definition, topics);
    }

    /** The log's first topic for this event (0x-prefixed lower-case hex). */
    String topic() {
        return topic;
    }

    /** The log's values decoded: the event's name and signature and its fields by name, in declaration order. */
    ContractEvent decode(List<String> topics, byte[] data) {
        List<TypeReference<Type>> plain = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            if (!types.get(i).supported()) {
                throw failure("field " + fieldName(i) + ": unsupported ABI type " + parameters.get(i).getTypeAsString());
            }
            if (!parameters.get(i).isIndexed()) {
                plain.add(types.get(i).reference());
            }
        }
        if (topics.size() != parameters.stream().filter(NamedType::isIndexed).count() + 1) {
            throw failure("the log has " + topics.size() + " topics");
        }
        List<Type> values = plain.isEmpty() ? List.of() : DECODER.decode(Hex.toHexString(data), plain);
        Map<String, Object> fields = new LinkedHashMap<>();
        List<AbiParameter> declared = new ArrayList<>();
        int nextTopic = 1;
        int nextValue = 0;
        for (int i = 0; i < parameters.size(); i++) {
            Object value;
            if (!parameters.get(i).isIndexed()) {
                value = PlainAbiType.toPlain(values.get(nextValue++));
            } else if (types.get(i).dynamic()) {
                value = topics.get(nextTopic++).toLowerCase(Locale.ROOT);
            } else {
                value = PlainAbiType.toPlain(DECODER.decodeIndexedValue(topics.get(nextTopic++), types.get(i).reference()));
            }
            fields.put(fieldName(i), value);
            declared.add(new AbiParameter(fieldName(i), parameters.get(i).getTypeAsString()));
        }
        return new ContractEvent(name, signature, declared, Collections.unmodifiableMap(fields));
    }

    private String fieldName(int index) {
        String declared = parameters.get(index).getName();
        return declared == null || declared.isEmpty() ? "_" + index : declared;
    }

    private IllegalArgumentException failure(String problem) {
        return new IllegalArgumentException(contract + "." + name + ": " + problem);
    }
}
