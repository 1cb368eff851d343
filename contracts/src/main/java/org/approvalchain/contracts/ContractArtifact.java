package org.approvalchain.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.fisco.bcos.sdk.v3.utils.Hex;

/**
 * The compiled form of one contract for one kind of chain: its ABI (JSON) and its creation
 * bytecode, as solc wrote them into {@code contracts/<ecdsa|sm>/<Name>.abi|.bin} during the build.
 */
public record ContractArtifact(String name, ChainCrypto crypto, String abi, byte[] bytecode) {

    /** Loads the artefact from the classpath; fails naming the missing resource. */
    public static ContractArtifact load(String name, ChainCrypto crypto) {
        String base = "contracts/" + crypto.folder() + "/" + name;
        String abi = read(base + ".abi");
        byte[] bytecode = Hex.decode(read(base + ".bin").trim());
        return new ContractArtifact(name, crypto, abi, bytecode);
    }

    private static String read(String resource) {
        try (InputStream in = ContractArtifact.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("contract artefact not on the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read contract artefact " + resource, e);
        }
    }
}
