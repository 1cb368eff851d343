package org.approvalchain.contracts;

import java.util.Locale;

import org.fisco.bcos.sdk.v3.crypto.CryptoSuite;
import org.fisco.bcos.sdk.v3.crypto.hash.Hash;
import org.fisco.bcos.sdk.v3.crypto.hash.Keccak256;
import org.fisco.bcos.sdk.v3.crypto.hash.SM3Hash;
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

    /**
     * A new crypto suite of this kind. It makes a throw-away key pair with the SDK's native
     * secp256k1, which clashes with libevm's copy in one process: the engine uses {@link #hashing()}.
     */
    public CryptoSuite newSuite() {
        return new CryptoSuite(fiscoType);
    }

    /** The chain's hash function: Keccak-256 or SM3 (used for selectors, topics and addresses). */
    public Hash hashing() {
        return this == SM ? new SM3Hash() : new Keccak256();
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
