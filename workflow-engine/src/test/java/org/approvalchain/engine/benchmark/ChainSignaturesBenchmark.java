package org.approvalchain.engine.benchmark;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.engine.ledger.ChainSignatures;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/**
 * The cost of signing the engine's transactions: web3j's {@code Sign.signMessage} (how {@code
 * ChainSignatures} signed secp256k1 before) against {@code ChainSignatures} now, in alternating
 * rounds of the same hashes and key, with the recovery a node does to verify for scale; then SM2.
 * Prints microseconds per signature and the ratio; not a test. Run as {@code .ci/benchmark-ledger}
 * runs its benchmark, with this class as the main class.
 */
public final class ChainSignaturesBenchmark {

    private static final int ROUNDS = 12;
    private static final int WARM_UP_ROUNDS = 2;
    private static final int SIGNATURES = 1_000;

    private ChainSignaturesBenchmark() {
    }

    public static void main(String[] args) {
        BigInteger key = new BigInteger(250, new SecureRandom()).add(BigInteger.ONE);
        ChainSignatures ecdsa = ChainSignatures.of(ChainCrypto.ECDSA);
        byte[] hash = ecdsa.hash(new byte[] {1});
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            double web3j = microsPerSignature(hash, h -> Sign.signMessage(h, ECKeyPair.create(key), false));
            double ours = microsPerSignature(hash, h -> ecdsa.sign(h, key));
            byte[] signature = ecdsa.sign(hash, key);
            double recover = microsPerSignature(hash, h -> ecdsa.signer(h, signature));
            System.out.printf("round %d: web3j signMessage %.0f us, ChainSignatures ECDSA %.0f us, recovering the key %.0f us%n",
                    round + 1, web3j, ours, recover);
            if (round >= WARM_UP_ROUNDS) {
                ratios.add(ours / web3j);
            }
        }
        Collections.sort(ratios);
        System.out.printf("ChainSignatures / web3j per signature: min %.2f, median %.2f, max %.2f (%d rounds after %d warm-up)%n",
                ratios.get(0), ratios.get(ratios.size() / 2), ratios.get(ratios.size() - 1), ratios.size(), WARM_UP_ROUNDS);
        ChainSignatures sm = ChainSignatures.of(ChainCrypto.SM);
        for (int round = 0; round < 3; round++) {
            System.out.printf("SM2 sign %.0f us%n", microsPerSignature(hash, h -> sm.sign(h, key)));
        }
    }

    private static double microsPerSignature(byte[] hash, Function<byte[], Object> sign) {
        long start = System.nanoTime();
        for (int i = 0; i < SIGNATURES; i++) {
            hash[0] = (byte) i;
            sign.apply(hash);
        }
        return (System.nanoTime() - start) / 1_000.0 / SIGNATURES;
    }
}
