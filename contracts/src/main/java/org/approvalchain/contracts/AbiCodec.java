package org.approvalchain.contracts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fisco.bcos.sdk.v3.codec.EventEncoder;
import org.fisco.bcos.sdk.v3.codec.Utils;
import org.fisco.bcos.sdk.v3.codec.abi.FunctionEncoder;
import org.fisco.bcos.sdk.v3.codec.abi.FunctionReturnDecoder;
import org.fisco.bcos.sdk.v3.codec.datatypes.Event;
import org.fisco.bcos.sdk.v3.codec.datatypes.Function;
import org.fisco.bcos.sdk.v3.codec.datatypes.Type;
import org.fisco.bcos.sdk.v3.codec.datatypes.TypeReference;
import org.fisco.bcos.sdk.v3.crypto.hash.Hash;
import org.fisco.bcos.sdk.v3.utils.Hex;
import org.fisco.bcos.sdk.v3.utils.Numeric;

/**
 * The ABI codec of one kind of chain, and the only place that touches the FISCO SDK's codec. It
 * encodes typed calls with {@link FunctionEncoder} (Keccak-256 selectors on ECDSA chains, SM3 on SM
 * chains), decodes return data with {@link FunctionReturnDecoder} and matches logs against event
 * topics from {@link EventEncoder}. It never parses ABI JSON, so a call costs microseconds, and it
 * holds no mutable state: share one instance among all facades of a chain.
 */
public final class AbiCodec {
    private final ChainCrypto crypto;
    private final FunctionEncoder functionEncoder;
    private final FunctionReturnDecoder returnDecoder = new FunctionReturnDecoder();
    private final EventEncoder eventEncoder;

    public AbiCodec(ChainCrypto crypto) {
        Hash hash = crypto.hashing();
        this.crypto = crypto;
        this.functionEncoder = new FunctionEncoder(hash);
        this.eventEncoder = new EventEncoder(hash);
    }

    /** The kind of chain this codec encodes for. */
    public ChainCrypto crypto() {
        return crypto;
    }

    /** Call data: the function's selector followed by its ABI-encoded arguments. */
    public byte[] encodeCall(String function, Type<?>... arguments) {
        return functionEncoder.encode(new Function(function, List.of(arguments), List.of()));
    }

    /** The topic (hex, 0x-prefixed) that identifies logs of the event. */
    String topic(Event event) {
        return eventEncoder.encode(event);
    }

    @SafeVarargs
    final AbiValues decodeOutput(String function, byte[] output, Class<? extends Type>... types) {
        List<TypeReference<?>> references = new ArrayList<>();
        Arrays.stream(types).forEach(type -> references.add(TypeReference.create(type)));
        List<Type> values = output == null ? List.of()
            : returnDecoder.decode(Hex.toHexString(output), Utils.convert(references));
        if (values.size() != types.length) {
            throw new IllegalArgumentException("output of " + function + " holds no return values");
        }
        return new AbiValues(values);
    }

    /**
     * The event's values in declaration order, or empty when topic 0 is not this event. Indexed
     * values come from the further topics, the others from the data.
     */
    Optional<AbiValues> decodeEvent(Event event, List<String> topics, byte[] data) {
        if (topics.isEmpty() || !sameHex(topics.get(0), topic(event))) {
            return Optional.empty();
        }
        if (topics.size() != event.getIndexedParameters().size() + 1) {
            throw new IllegalArgumentException(event.getName() + " log has " + topics.size() + " topics");
        }
        List<Type> plain = returnDecoder.decode(Hex.toHexString(data), event.getNonIndexedParameters());
        List<Type> values = new ArrayList<>();
        int topic = 1;
        int next = 0;
        for (TypeReference<Type> parameter : event.getParameters()) {
            values.add(parameter.isIndexed()
                ? returnDecoder.decodeIndexedValue(topics.get(topic++), parameter)
                : plain.get(next++));
        }
        return Optional.of(new AbiValues(values));
    }

    static Event event(String name, TypeReference<?>... parameters) {
        return new Event(name, List.of(parameters));
    }

    static TypeReference<?> plain(Class<? extends Type> type) {
        return TypeReference.create(type);
    }

    static TypeReference<?> indexed(Class<? extends Type> type) {
        return TypeReference.create(type, true);
    }

    private static boolean sameHex(String a, String b) {
        return Numeric.cleanHexPrefix(a).toLowerCase(Locale.ROOT)
            .equals(Numeric.cleanHexPrefix(b).toLowerCase(Locale.ROOT));
    }
}
