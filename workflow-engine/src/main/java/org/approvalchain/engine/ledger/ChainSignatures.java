package org.approvalchain.engine.ledger;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.engine.crypto.Sm2;
import org.approvalchain.engine.crypto.Sm2SigningKey;
import org.approvalchain.engine.crypto.Sm3;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;
import org.web3j.crypto.ECDSASignature;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;

/**
 * The chain's hash and signature scheme in pure Java: Keccak-256 with secp256k1 (signature r, s, v;
 * the key is recovered from it) or SM3 with SM2 (signature r, s and the 64-byte public key; SM2
 * with the default user id {@code 1234567812345678}), the formats FISCO BCOS uses. Pure Java on
 * purpose: libevm carries its own libsecp256k1, and when the FISCO SDK's native copies (in its JNI
 * and WeDPR libraries) are used in the same process the two clash and abort the JVM.
 */
public abstract sealed class ChainSignatures {

    public static ChainSignatures of(ChainCrypto crypto) {
        return crypto == ChainCrypto.SM ? new Sm() : new Ecdsa();
    }

    public abstract byte[] hash(byte[] data);

    /** The uncompressed public key (64 bytes, no 0x04 prefix) of a private key. */
    public abstract byte[] publicKey(BigInteger privateKey);

    public abstract byte[] sign(byte[] hash, BigInteger privateKey);

    /** The public key that made {@code signature} over {@code hash}, if the signature is valid. */
    public abstract Optional<byte[]> signer(byte[] hash, byte[] signature);

    /** An account address: the last 20 bytes of the hash of the public key. */
    public byte[] address(byte[] publicKey) {
        return Arrays.copyOfRange(hash(publicKey), 12, 32);
    }

    private static final class Ecdsa extends ChainSignatures {

        private static final ECDomainParameters SECP256K1 = new ECDomainParameters(Sign.CURVE_PARAMS);
        private static final BigInteger HALF_N = SECP256K1.getN().shiftRight(1);
        /** Multiplies the base point by comb tables computed once (what Bouncy Castle's ECDSASigner uses). */
        private static final FixedPointCombMultiplier BASE_POINT = new FixedPointCombMultiplier();

        @Override
        public byte[] hash(byte[] data) {
            return Hash.sha3(data);
        }

        @Override
        public byte[] publicKey(BigInteger privateKey) {
            return unsigned64(Sign.publicKeyFromPrivate(privateKey));
        }

        /**
         * The signature web3j's {@code Sign.signMessage} makes (RFC 6979 nonce, low s), computed
         * directly: the recovery id comes from the parity of R, where web3j derives the public key
         * again and recovers up to four candidate keys to find it, three to four times the work.
         */
        @Override
        public byte[] sign(byte[] hash, BigInteger privateKey) {
            BigInteger n = SECP256K1.getN();
            HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
            nonces.init(n, privateKey, hash);
            BigInteger e = new BigInteger(1, hash);
            while (true) {
                BigInteger k = nonces.nextK();
                ECPoint point = BASE_POINT.multiply(SECP256K1.getG(), k).normalize();
                BigInteger x = point.getAffineXCoord().toBigInteger();
                BigInteger r = x.mod(n);
                BigInteger s = BigIntegers.modOddInverse(n, k).multiply(e.add(privateKey.multiply(r))).mod(n);
                if (r.signum() == 0 || s.signum() == 0) {
                    continue;
                }
                // bit 0: R's y is odd; bit 1 (x >= n, probability about 2^-127) is what FISCO's v cannot carry
                int recoveryId = (point.getAffineYCoord().testBitZero() ? 1 : 0) | (x.compareTo(n) >= 0 ? 2 : 0);
                if (s.compareTo(HALF_N) > 0) {
                    s = n.subtract(s);
                    recoveryId ^= 1;
                }
                byte[] out = Arrays.copyOf(concat(BigIntegers.asUnsignedByteArray(32, r), BigIntegers.asUnsignedByteArray(32, s)), 65);
                out[64] = (byte) recoveryId;
                return out;
            }
        }

        @Override
        public Optional<byte[]> signer(byte[] hash, byte[] signature) {
            if (signature == null || signature.length != 65 || signature[64] < 0 || signature[64] > 1) {
                return Optional.empty();
            }
            BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
            if (r.signum() == 0 || s.signum() == 0) {
                return Optional.empty();
            }
            BigInteger key = Sign.recoverFromSignature(signature[64], new ECDSASignature(r, s), hash);
            return Optional.ofNullable(key).map(ChainSignatures::unsigned64);
        }
    }

    private static final class Sm extends ChainSignatures {

        /** The key signed with last, ready to sign: an SM signature carries the public key, and a signer signs with one key. */
        private volatile Sm2SigningKey last;

        @Override
        public byte[] hash(byte[] data) {
            return Sm3.digest(data);
        }

        @Override
        public byte[] publicKey(BigInteger privateKey) {
            return Arrays.copyOfRange(signingKey(privateKey).publicKey(), 1, 65);
        }

        @Override
        public byte[] sign(byte[] hash, BigInteger privateKey) {
            Sm2SigningKey key = signingKey(privateKey);
            return concat(key.sign(hash, PlainDSAEncoding.INSTANCE), Arrays.copyOfRange(key.publicKey(), 1, 65));
        }

        private Sm2SigningKey signingKey(BigInteger privateKey) {
            Sm2SigningKey known = last;
            if (known == null || !known.privateKey().equals(privateKey)) {
                known = new Sm2SigningKey(privateKey);
                last = known;
            }
            return known;
        }

        @Override
        public Optional<byte[]> signer(byte[] hash, byte[] signature) {
            if (signature == null || signature.length != 128) {
                return Optional.empty();
            }
            byte[] publicKey = Arrays.copyOfRange(signature, 64, 128);
            try {
                SM2Signer verifier = new SM2Signer(PlainDSAEncoding.INSTANCE);
                verifier.init(false, new ECPublicKeyParameters(Sm2.CURVE.getCurve().decodePoint(concat(new byte[] {4}, publicKey)), Sm2.DOMAIN));
                verifier.update(hash, 0, hash.length);
                return verifier.verifySignature(Arrays.copyOf(signature, 64)) ? Optional.of(publicKey) : Optional.empty();
            } catch (IllegalArgumentException notOnCurve) {
                return Optional.empty();
            }
        }
    }

    private static byte[] unsigned64(BigInteger key) {
        byte[] raw = key.toByteArray();
        byte[] out = new byte[64];
        int len = Math.min(raw.length, 64);
        System.arraycopy(raw, raw.length - len, out, 64 - len, len);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
