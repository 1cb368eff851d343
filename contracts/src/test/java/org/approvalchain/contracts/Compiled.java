package org.approvalchain.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fisco.bcos.sdk.v3.crypto.CryptoSuite;

/** What solc compiled, read independently of the facades: ABI signatures, bytecode and hashes. */
final class Compiled {
    static final String[] CONTRACTS = {
        CaseLedgerContract.NAME, DecisionRegistryContract.NAME, DefinitionRegistryContract.NAME,
        DocumentEvidenceContract.NAME, LicenseRegistryContract.NAME, EligibilityRuleContract.NAME,
        ApproverKeyRegistryContract.NAME, InvoiceRegistryContract.NAME,
        ReliefFundContract.NAME, TenderRegistryContract.NAME, ProxyAuthorisationContract.NAME};

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<ChainCrypto, AbiCodec> CODECS = new ConcurrentHashMap<>();
    private static final Map<ChainCrypto, CryptoSuite> SUITES = new ConcurrentHashMap<>();
    private static final Map<String, ContractArtifact> ARTIFACTS = new ConcurrentHashMap<>();

    private Compiled() {
    }

    static AbiCodec codec(ChainCrypto crypto) {
        return CODECS.computeIfAbsent(crypto, AbiCodec::new);
    }

    /** Canonical signatures, e.g. {@code openCase(string,string,uint256,bytes32)}, of one ABI entry type. */
    static Set<String> signatures(String contract, ChainCrypto crypto, String entryType) {
        try {
            JsonNode abi = JSON.readTree(artifact(contract, crypto).abi());
            return StreamSupport.stream(abi.spliterator(), false)
                .filter(entry -> entryType.equals(entry.path("type").asText()))
                .map(entry -> entry.get("name").asText() + "(" + StreamSupport.stream(entry.get("inputs").spliterator(), false)
                    .map(input -> input.get("type").asText()).collect(Collectors.joining(",")) + ")")
                .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ContractArtifact artifact(String contract, ChainCrypto crypto) {
        return ARTIFACTS.computeIfAbsent(crypto + "/" + contract, key -> ContractArtifact.load(contract, crypto));
    }

    static byte[] hash(ChainCrypto crypto, String signature) {
        return SUITES.computeIfAbsent(crypto, ChainCrypto::newSuite).hash(signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    static byte[] selector(ChainCrypto crypto, String signature) {
        return Arrays.copyOf(hash(crypto, signature), 4);
    }

    static String topic(ChainCrypto crypto, String eventSignature) {
        return "0x" + HexFormat.of().formatHex(hash(crypto, eventSignature));
    }

    /** Whether the contract's compiled dispatcher pushes this selector (solc drops leading zero bytes). */
    static boolean dispatches(String contract, ChainCrypto crypto, byte[] selector) {
        String bytecode = HexFormat.of().formatHex(artifact(contract, crypto).bytecode());
        String pushed = HexFormat.of().formatHex(selector).replaceFirst("^(00)+", "");
        return bytecode.contains(pushed);
    }
}
