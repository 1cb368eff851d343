package org.approvalchain.acceptance.client;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.util.encoders.Hex;

/** The decision hash the chain records, computed on the client: SM3 of the payload's UTF-8 bytes. */
public final class DecisionHash {

    private DecisionHash() {
    }

    /** {@code 0x} + 64 lower-case hex digits. */
    public static String of(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        SM3Digest digest = new SM3Digest();
        digest.update(bytes, 0, bytes.length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        return "0x" + Hex.toHexString(hash);
    }
}
