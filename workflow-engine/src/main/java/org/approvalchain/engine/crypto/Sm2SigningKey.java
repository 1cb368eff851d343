package org.approvalchain.engine.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.signers.DSAEncoding;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * An SM2 private key ready to sign: SM3withSM2 with the default user id (GM/T 0003.2 §6.1), the
 * signature Bouncy Castle's {@code SM2Signer} makes and verifies. Its public point, its Z value (the
 * SM3 of the user id, the curve and the public point) and (1 + d)⁻¹ are computed once, so a signature
 * costs one scalar multiplication (k·G); an {@code SM2Signer} initialised per signature computes d·G
 * and Z again every time. Immutable and thread-safe; the nonce k is drawn from a {@link SecureRandom}.
 */
public final class Sm2SigningKey {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Multiplies the base point by comb tables computed once (what SM2Signer uses). */
    private static final FixedPointCombMultiplier BASE_POINT = new FixedPointCombMultiplier();
    private static final BigInteger N = Sm2.DOMAIN.getN();

    private final BigInteger d;
    private final ECPoint publicPoint;
    private final byte[] z;
    private final BigInteger dPlusOneInverse;

    public Sm2SigningKey(BigInteger d) {
        if (d.signum() <= 0 || d.compareTo(N.subtract(BigInteger.ONE)) >= 0) {
            throw new IllegalArgumentException("SM2 private key out of range 1..n-2");
        }
        this.d = d;
        this.publicPoint = BASE_POINT.multiply(Sm2.DOMAIN.getG(), d).normalize();
        this.z = z(publicPoint);
        this.dPlusOneInverse = BigIntegers.modOddInverse(N, d.add(BigInteger.ONE));
    }

    public BigInteger privateKey() {
        return d;
    }

    /** The public key's uncompressed point, {@code 04 ‖ x ‖ y} (65 bytes). */
    public byte[] publicKey() {
        return publicPoint.getEncoded(false);
    }

    /** The signature (r, s) of {@code message} itself (the signer hashes Z ‖ message), in {@code encoding}. */
    public byte[] sign(byte[] message, DSAEncoding encoding) {
        BigInteger e = new BigInteger(1, digest(message));
        while (true) {
            BigInteger k = BigIntegers.createRandomInRange(BigInteger.ONE, N.subtract(BigInteger.ONE), RANDOM);
            BigInteger x1 = BASE_POINT.multiply(Sm2.DOMAIN.getG(), k).normalize().getAffineXCoord().toBigInteger();
            BigInteger r = e.add(x1).mod(N);
            if (r.signum() == 0 || r.add(k).equals(N)) {
                continue;
            }
            BigInteger s = dPlusOneInverse.multiply(k.subtract(r.multiply(d))).mod(N);
            if (s.signum() != 0) {
                try {
                    return encoding.encode(N, r, s);
                } catch (IOException impossible) {
                    throw new UncheckedIOException(impossible);
                }
            }
        }
    }

    private byte[] digest(byte[] message) {
        SM3Digest digest = new SM3Digest();
        digest.update(z, 0, z.length);
        digest.update(message, 0, message.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    /** Z = SM3(ENTL ‖ user id ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA), ENTL the user id's length in bits (two bytes). */
    private static byte[] z(ECPoint publicPoint) {
        byte[] userId = Sm2.DEFAULT_USER_ID.getBytes(StandardCharsets.US_ASCII);
        SM3Digest digest = new SM3Digest();
        int bits = userId.length * 8;
        digest.update((byte) (bits >> 8));
        digest.update((byte) bits);
        digest.update(userId, 0, userId.length);
        ECPoint g = Sm2.DOMAIN.getG();
        for (byte[] element : new byte[][] {Sm2.CURVE.getCurve().getA().getEncoded(), Sm2.CURVE.getCurve().getB().getEncoded(),
                g.getAffineXCoord().getEncoded(), g.getAffineYCoord().getEncoded(),
                publicPoint.getAffineXCoord().getEncoded(), publicPoint.getAffineYCoord().getEncoded()}) {
            digest.update(element, 0, element.length);
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
