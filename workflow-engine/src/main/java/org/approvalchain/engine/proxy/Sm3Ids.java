package org.approvalchain.engine.proxy;

import java.util.HexFormat;

/** An authorisation's id as the API writes it ({@code 0x} and 64 hex digits) and as the chain keeps it (32 bytes). */
final class Sm3Ids {

    private Sm3Ids() {
    }

    static boolean valid(String id) {
        return id != null && id.matches("0x[0-9a-f]{64}");
    }

    static byte[] bytes(String id) {
        return HexFormat.of().parseHex(id.substring(2));
    }
}
