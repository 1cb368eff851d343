package org.approvalchain.contracts;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.fisco.bcos.sdk.v3.codec.ContractCodec;

/**
 * What parsing the ABI once buys: LicenseRegistry.issue encoded 10,000 times through
 * {@link ContractInterface}, against the SDK's {@code ContractCodec.encodeMethod}, which parses the
 * ABI JSON on every call. Prints figures; not a test, it never fails on timing. Run its
 * {@code main} on the contracts module's test classpath (after {@code mvn -o -pl contracts test-compile}).
 */
public final class ContractInterfaceBenchmark {
    private static final int CALLS = 10_000;
    private static final int SDK_CALLS = 200;

    private ContractInterfaceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        for (ChainCrypto crypto : ChainCrypto.values()) {
            ContractArtifact artifact = ContractArtifact.load("LicenseRegistry", crypto);
            long start = System.nanoTime();
            ContractInterface licenses = new ContractInterface(artifact);
            long built = System.nanoTime();
            int bytes = 0;
            for (int i = 0; i < CALLS; i++) {
                bytes += licenses.encode("issue", Map.of("licenseNo", "LIC-" + i, "licenseType", "business",
                    "holderHash", new byte[32], "validFrom", i, "validUntil", i + 1L)).length;
            }
            long encoded = System.nanoTime();
            ContractCodec sdk = new ContractCodec(crypto.hashing(), false);
            for (int i = 0; i < SDK_CALLS; i++) {
                sdk.encodeMethod(artifact.abi(), "issue",
                    List.of("LIC-" + i, "business", new byte[32], BigInteger.valueOf(i), BigInteger.valueOf(i + 1L)));
            }
            long sdkDone = System.nanoTime();
            System.out.printf("%s: parse %.1f ms; %d encodes %.1f ms (%.1f µs each); ContractCodec.encodeMethod %.0f µs each%n",
                crypto, (built - start) / 1e6, CALLS, (encoded - built) / 1e6, (encoded - built) / 1e3 / CALLS,
                (sdkDone - encoded) / 1e3 / SDK_CALLS);
            System.out.println("  (" + bytes + " bytes of call data)");
        }
    }
}
