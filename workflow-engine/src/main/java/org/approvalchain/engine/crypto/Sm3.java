package org.approvalchain.engine.crypto;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.util.encoders.Hex;

/**
 * SM3 (GM/T 0004) digests, and the hex form the engine writes them in: {@code 0x} followed by 64
 * lower-case hex digits, the form of material hashes and of digests recorded on chain. The one SM3
 * of decisions, steps, automation maps, contract code and an SM chain's hashes.
 */
public final class Sm3 {

    private Sm3() {
    }

    public static byte[] digest(byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    /** {@code 0x} + lower-case hex of the SM3 digest of {@code data}. */
    public static String hex(byte[] data) {
        return toHex(digest(data));
    }

    /** {@code 0x} + lower-case hex of any bytes. */
    public static String toHex(byte[] bytes) {
        return "0x" + Hex.toHexString(bytes);
    }
}
