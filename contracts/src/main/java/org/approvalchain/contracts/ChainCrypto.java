package org.approvalchain.contracts;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Locale;

import org.fisco.bcos.sdk.v3.crypto.CryptoSuite;
import org.fisco.bcos.sdk.v3.crypto.hash.Hash;
import org.fisco.bcos.sdk.v3.crypto.hash.Keccak256;
import org.fisco.bcos.sdk.v3.crypto.hash.SM3Hash;
import org.fisco.bcos.sdk.v3.crypto.keypair.CryptoKeyPair;
import org.fisco.bcos.sdk.v3.crypto.keypair.ECDSAKeyPair;
import org.fisco.bcos.sdk.v3.crypto.keypair.SM2KeyPair;
import org.fisco.bcos.sdk.v3.crypto.keystore.KeyTool;
import org.fisco.bcos.sdk.v3.model.CryptoType;

/**
 * The two kinds of chain we build for. An ECDSA chain hashes with Keccak-256 and signs with
 * secp256k1; an SM (国密) chain hashes with SM3 and signs with SM2, and its contracts use SM3
 * function selectors and event topics, so every contract is compiled once for each.
 */
public enum ChainCrypto {
    ECDSA(CryptoType.ECDSA_TYPE),
    SM(CryptoType.SM_TYPE);

    private final int fiscoType;

    ChainCrypto(int fiscoType) {
        this.fiscoType = fiscoType;
    }

    /** The FISCO SDK's crypto type constant ({@code CryptoType.ECDSA_TYPE} or {@code SM_TYPE}). */
    public int fiscoType() {
        return fiscoType;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A new crypto suite of this kind. It generates a throw-away key pair with the SDK's native
     * secp256k1, which must not run in a process that uses libevm before libevm is loaded (the two
     * native copies of libsecp256k1 clash): in the engine prefer {@link #hashing()} and
     * {@link #keyPair(BigInteger)}.
     */
    public CryptoSuite newSuite() {
        return new CryptoSuite(fiscoType);
    }

    /** The chain's hash function: Keccak-256 or SM3 (used for selectors, topics and addresses). */
    public Hash hashing() {
        return this == SM ? new SM3Hash() : new Keccak256();
    }

    /** The key pair of {@code privateKey}, derived in Java (Bouncy Castle), usable for signing. */
    public CryptoKeyPair keyPair(BigInteger privateKey) {
        String curve = this == SM ? CryptoKeyPair.SM2_CURVE_NAME : CryptoKeyPair.ECDSA_CURVE_NAME;
        var javaKeyPair = KeyTool.convertPrivateKeyToKeyPair(privateKey, curve);
        return this == SM ? new SM2KeyPair(javaKeyPair) : new ECDSAKeyPair(javaKeyPair);
    }

    /** A new random key pair of this kind. */
    public CryptoKeyPair newKeyPair() {
        return keyPair(new BigInteger(255, RANDOM).add(BigInteger.ONE));
    }

    /** Folder of the compiled artefacts of this kind under {@code contracts/} on the classpath. */
    public String folder() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code ecdsa} or {@code sm} (any case), naming the allowed values when it fails. */
    public static ChainCrypto parse(String value) {
        for (ChainCrypto crypto : values()) {
            if (crypto.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return crypto;
            }
        }
        throw new IllegalArgumentException("unknown crypto type '" + value + "': expected ecdsa or sm");
    }
}
