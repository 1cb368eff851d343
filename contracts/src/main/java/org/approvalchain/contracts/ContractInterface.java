package org.approvalchain.contracts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.fisco.bcos.sdk.v3.codec.EventEncoder;
import org.fisco.bcos.sdk.v3.codec.abi.FunctionEncoder;
import org.fisco.bcos.sdk.v3.codec.wrapper.ABIDefinitionFactory;
import org.fisco.bcos.sdk.v3.codec.wrapper.ContractABIDefinition;
import org.fisco.bcos.sdk.v3.crypto.hash.Hash;

/**
 * The functions of one compiled contract, driven by its ABI alone, so that a process step can call
 * any function by name with plain Java values and no code per contract. The ABI is parsed once, at
 * construction, and each function's selector computed once with the chain's hash (Keccak-256 or
 * SM3); a call then costs only the SDK's typed encoding. Inputs map as: {@code string} ← any value
 * (its {@code toString()}); {@code uintN}/{@code intN} ← a whole {@link Number} or a decimal (or
 * 0x hex) string, in range; {@code bool} ← {@link Boolean} or "true"/"false"; {@code address} ←
 * "0x" and 40 hex digits; {@code bytesN} and {@code bytes} ← {@code byte[]} or 0x hex (bytesN of
 * exactly N bytes). Outputs come back by name ({@code _0}, {@code _1}, ... when unnamed) as
 * {@link String}, {@link java.math.BigInteger} for every integer size, {@link Boolean}, and
 * 0x-prefixed lower-case hex for {@code address}, {@code bytesN} and {@code bytes}. Arrays and
 * tuples are not mapped. The other way, call data and logs decode ({@link #decodeCall}, {@link
 * #decodeEvent}) into the same plain values. Every error is an {@link IllegalArgumentException}
 * naming contract, function and parameter. Immutable and safe to share between threads.
 */
public final class ContractInterface {
    private final String contract;
    private final ChainCrypto crypto;
    private final Map<String, List<AbiFunction>> byName;
    private final Map<String, AbiFunction> bySignature;
    private final List<ContractFunction> functions;
    private final Map<String, AbiEvent> eventsByTopic;

    public ContractInterface(ContractArtifact artifact) {
        this.contract = artifact.name();
        this.crypto = artifact.crypto();
        ContractABIDefinition abi = new ABIDefinitionFactory(new SelectorHash(crypto.hashing())).loadABI(artifact.abi());
        if (abi == null) {
            throw new IllegalArgumentException(contract + ": cannot parse the ABI (" + crypto + ")");
        }
        FunctionEncoder selectors = new FunctionEncoder(crypto.hashing());
        Map<String, List<AbiFunction>> names = new HashMap<>();
        Map<String, AbiFunction> signatures = new HashMap<>();
        abi.getFunctions().values().stream().flatMap(Collection::stream).forEach(definition -> {
            AbiFunction function = AbiFunction.bind(contract, definition, selectors);
            names.computeIfAbsent(function.description().name(), name -> new ArrayList<>()).add(function);
            signatures.put(function.description().signature(), function);
        });
        names.replaceAll((name, overloads) -> List.copyOf(overloads));
        this.byName = Map.copyOf(names);
        this.bySignature = Map.copyOf(signatures);
        this.functions = signatures.values().stream().map(AbiFunction::description)
            .sorted(Comparator.comparing(ContractFunction::signature)).toList();
        EventEncoder topics = new EventEncoder(crypto.hashing());
        this.eventsByTopic = abi.getEvents().values().stream().flatMap(Collection::stream)
            .map(definition -> AbiEvent.bind(contract, definition, topics))
            .collect(Collectors.toUnmodifiableMap(AbiEvent::topic, event -> event));
    }

    /**
     * The chain's hash behind a type the SDK does not recognise: given a {@code Keccak256} or
     * {@code SM3Hash} itself, {@code ContractABIDefinition} builds a {@code CryptoSuite}, which
     * generates two throw-away key pairs it never uses (most of the cost of reading an ABI).
     */
    private record SelectorHash(Hash chainHash) implements Hash {
        @Override
        public String hash(String input) {
            return chainHash.hash(input);
        }

        @Override
        public String hashBytes(byte[] input) {
            return chainHash.hashBytes(input);
        }

        @Override
        public byte[] hash(byte[] input) {
            return chainHash.hash(input);
        }
    }

    /** The contract's name, as in its artefact. */
    public String contractName() {
        return contract;
    }

    /** The kind of chain whose selectors this interface encodes. */
    public ChainCrypto crypto() {
        return crypto;
    }

    /** Every function of the contract, ordered by signature. */
    public List<ContractFunction> functions() {
        return functions;
    }

    /** The function named so, or with this canonical signature, e.g. {@code check(bytes32,uint256)}. */
    public ContractFunction function(String function) {
        return find(function).description();
    }

    /**
     * Call data for the function with inputs given by parameter name ({@code _0}, {@code _1}, ...
     * for unnamed ones). Every input must be given, and nothing else.
     */
    public byte[] encode(String function, Map<String, ?> inputsByParameterName) {
        AbiFunction bound = find(function);
        List<String> names = bound.description().inputs().stream().map(AbiParameter::name).toList();
        Set<String> unknown = new LinkedHashSet<>(inputsByParameterName.keySet());
        names.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw bound.failure("unknown parameter(s) " + unknown + "; expected " + names);
        }
        List<Object> inputs = new ArrayList<>(names.size());
        for (String name : names) {
            if (!inputsByParameterName.containsKey(name)) {
                throw bound.failure("missing parameter " + name);
            }
            inputs.add(inputsByParameterName.get(name));
        }
        return bound.encode(inputs);
    }

    /** Call data for the function with inputs given in declaration order. */
    public byte[] encode(String function, List<?> inputsInOrder) {
        AbiFunction bound = find(function);
        if (inputsInOrder.size() != bound.description().inputs().size()) {
            throw bound.failure("expected " + bound.description().inputs().size() + " inputs " + bound.description().inputs()
                .stream().map(AbiParameter::name).toList() + ", got " + inputsInOrder.size());
        }
        return bound.encode(inputsInOrder);
    }

    /** The function's return values by output name, in declaration order (see the class comment for types). */
    public Map<String, Object> decodeOutputs(String function, byte[] output) {
        return find(function).decode(output);
    }

    /**
     * The function that call data calls (by its selector) and its arguments; empty when no function
     * of this contract has that selector.
     *
     * @throws IllegalArgumentException when the arguments do not decode as the function's inputs
     */
    public Optional<ContractCall> decodeCall(byte[] input) {
        return bySignature.values().stream().filter(f -> f.selects(input)).findFirst()
            .map(f -> new ContractCall(f.description(), f.decodeInputs(input)));
    }

    /**
     * A log of this contract decoded: the event its first topic names and its fields; empty when
     * the topic is none of this contract's events.
     *
     * @throws IllegalArgumentException when the log does not decode as that event
     */
    public Optional<ContractEvent> decodeEvent(List<String> topics, byte[] data) {
        if (topics.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(eventsByTopic.get(topics.get(0).toLowerCase(Locale.ROOT))).map(e -> e.decode(topics, data));
    }

    private AbiFunction find(String function) {
        AbiFunction bound = bySignature.get(function);
        if (bound != null) {
            return bound;
        }
        List<AbiFunction> overloads = byName.getOrDefault(function, List.of());
        if (overloads.size() == 1) {
            return overloads.get(0);
        }
        if (overloads.isEmpty()) {
            throw new IllegalArgumentException(contract + ": no function '" + function + "'; it has "
                + byName.keySet().stream().sorted().collect(Collectors.joining(", ")));
        }
        throw new IllegalArgumentException(contract + "." + function + " is overloaded ("
            + overloads.stream().map(b -> b.description().signature()).sorted().collect(Collectors.joining(", "))
            + "): name it by its signature");
    }
}
