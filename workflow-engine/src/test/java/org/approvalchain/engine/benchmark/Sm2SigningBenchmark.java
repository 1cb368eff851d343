package org.approvalchain.engine.benchmark;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import org.approvalchain.engine.crypto.Sm2;
import org.approvalchain.engine.crypto.Sm2SigningKey;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;

/**
 * The cost of an SM3withSM2 signature of an event-sized message: a Bouncy Castle {@code SM2Signer}
 * initialised per signature (how events were signed before; its init computes d·G and Z again)
 * against {@link Sm2SigningKey}, in alternating rounds with the same key and message. Prints
 * microseconds and signatures per second; not a test. Run with the test classpath, this class as the
 * main class.
 */
public final class Sm2SigningBenchmark {

    private static final int ROUNDS = 10;
    private static final int WARM_UP_ROUNDS = 2;
    private static final int SIGNATURES = 2_000;

    private Sm2SigningBenchmark() {
    }

    public static void main(String[] args) {
        SecureRandom random = new SecureRandom();
        BigInteger d = new BigInteger(255, random).add(BigInteger.ONE);
        ParametersWithID perEvent = new ParametersWithID(new ParametersWithRandom(new ECPrivateKeyParameters(d, Sm2.DOMAIN), random),
                Sm2.DEFAULT_USER_ID.getBytes(StandardCharsets.US_ASCII));
        Sm2SigningKey key = new Sm2SigningKey(d);
        byte[] message = new byte[600];
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            double signer = microsPerSignature(message, m -> signerPerEvent(perEvent, m));
            double ours = microsPerSignature(message, m -> key.sign(m, StandardDSAEncoding.INSTANCE));
            System.out.printf("round %d: SM2Signer per event %.0f us (%.0f/s), Sm2SigningKey %.0f us (%.0f/s)%n",
                    round + 1, signer, 1e6 / signer, ours, 1e6 / ours);
            if (round >= WARM_UP_ROUNDS) {
                ratios.add(ours / signer);
            }
        }
        Collections.sort(ratios);
        System.out.printf("Sm2SigningKey / SM2Signer per signature: min %.2f, median %.2f, max %.2f (%d rounds after %d warm-up)%n",
                ratios.get(0), ratios.get(ratios.size() / 2), ratios.get(ratios.size() - 1), ratios.size(), WARM_UP_ROUNDS);
    }

    private static byte[] signerPerEvent(ParametersWithID key, byte[] message) {
        SM2Signer signer = new SM2Signer();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double microsPerSignature(byte[] message, Function<byte[], byte[]> sign) {
        long start = System.nanoTime();
        for (int i = 0; i < SIGNATURES; i++) {
            message[0] = (byte) i;
            sign.apply(message);
        }
        return (System.nanoTime() - start) / 1_000.0 / SIGNATURES;
    }
}
