package org.approvalchain.engine.proxy;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.engine.crypto.CanonicalJson;

/**
 * What a principal signs to revoke an authorisation (民法典 第一百七十三条: the principal may
 * withdraw it): the authorisation's id, the principal, and a nonce. Signed as canonical JSON, e.g.
 * <pre>{"authorisation":"0x…","nonce":"…","principal":"zhang.wei","purpose":"approvalchain:proxy-revocation","v":1}</pre>
 */
public record RevocationDocument(String authorisation, String principal, String nonce) {

    public static final String PURPOSE = "approvalchain:proxy-revocation";

    public RevocationDocument {
        if (authorisation == null || !authorisation.matches("0x[0-9a-f]{64}") || principal == null || principal.isBlank()
                || nonce == null || nonce.isBlank()) {
            throw new IllegalArgumentException("a revocation names the authorisation (0x and 64 hex digits), the principal and a nonce");
        }
    }

    /** The canonical UTF-8 JSON bytes the principal signs. */
    public byte[] canonicalBytes() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("authorisation", authorisation);
        members.put("nonce", nonce);
        members.put("principal", principal);
        members.put("purpose", PURPOSE);
        members.put("v", 1);
        return CanonicalJson.object(members);
    }

    /**
     * The revocation these bytes encode, if and only if they are its canonical form.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static RevocationDocument parse(byte[] bytes) {
        return SignedDocuments.parse(bytes, PURPOSE, RevocationDocument::read, RevocationDocument::canonicalBytes);
    }

    private static RevocationDocument read(JsonNode root) {
        if (root.path("v").asInt() != 1) {
            throw new IllegalArgumentException("v: must be 1");
        }
        return new RevocationDocument(root.path("authorisation").asText(null), root.path("principal").asText(null),
                root.path("nonce").asText(null));
    }
}
