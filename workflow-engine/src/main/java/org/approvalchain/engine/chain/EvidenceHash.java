package org.approvalchain.engine.chain;

import java.nio.charset.StandardCharsets;

import org.approvalchain.engine.crypto.Sm3;

/**
 * The hash under which an issuing authority anchors a record (a title, a tax voucher, a
 * certificate) in {@code DocumentEvidence}: SM3 of the UTF-8 text {@code type LF reference LF
 * holder}, 0x-prefixed hex. A case recomputes it from the application's references to check the
 * material; only the hash reaches the chain.
 */
public final class EvidenceHash {

    private EvidenceHash() {
    }

    public static String of(String type, Object reference, Object holder) {
        if (type == null || reference == null || holder == null) {
            throw new IllegalArgumentException("an evidence hash needs a type, a reference and a holder, got "
                    + type + ", " + reference + ", " + holder);
        }
        return Sm3.hex((type + "\n" + reference + "\n" + holder).getBytes(StandardCharsets.UTF_8));
    }
}
