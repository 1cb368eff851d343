package org.approvalchain.engine.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.approvalchain.engine.crypto.CanonicalJson;

/**
 * What an approver signs with a new key to prove that they hold its private key: the engine's
 * challenge naming the approver, the key (its uncompressed point) and a random nonce. Its canonical
 * bytes (JCS, like a decision payload) are signed with SM3withSM2 by the new key; the signature and
 * the bytes are kept on chain with the key's registration, so anyone can check the proof later.
 * See docs/approver-keys.md.
 *
 * @param issuedAt UTC, millisecond precision
 */
public record KeyChallenge(String approverId, ApproverKey publicKey, String nonce, Instant issuedAt) {

    /** The value of {@code "purpose"}: these bytes prove possession of an approver's key, nothing else. */
    public static final String PURPOSE = "approvalchain:approver-key-enrolment";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public KeyChallenge {
        if (approverId == null || approverId.isBlank() || publicKey == null || nonce == null || nonce.isBlank()
                || issuedAt == null || issuedAt.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("a key challenge needs an approver, a key, a nonce and a time in milliseconds");
        }
    }

    /** The canonical UTF-8 JSON bytes the approver signs with the new key. */
    public byte[] canonicalBytes() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("approverId", approverId);
        members.put("issuedAt", DecisionPayload.ISSUED_AT.format(issuedAt));
        members.put("nonce", nonce);
        members.put("publicKey", publicKey.pointHex());
        members.put("purpose", PURPOSE);
        members.put("v", 1);
        return CanonicalJson.object(members);
    }

    /**
     * The challenge these bytes encode, if and only if they are its canonical form.
     *
     * @throws IllegalArgumentException when they are not a canonical key challenge
     */
    public static KeyChallenge parse(byte[] bytes) {
        KeyChallenge challenge;
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !PURPOSE.equals(root.path("purpose").asText())) {
                throw new IllegalArgumentException("not a key challenge: its purpose is not " + PURPOSE);
            }
            challenge = new KeyChallenge(root.path("approverId").asText(), ApproverKey.fromPointHex(root.path("publicKey").asText()),
                    root.path("nonce").asText(), Instant.parse(root.path("issuedAt").asText()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a key challenge: " + e.getMessage(), e);
        }
        if (!Arrays.equals(challenge.canonicalBytes(), bytes)) {
            throw new IllegalArgumentException("not a key challenge in canonical form: " + new String(bytes, StandardCharsets.UTF_8));
        }
        return challenge;
    }

    /**
     * Checks that {@code signatureBase64} proves possession of this challenge's key.
     *
     * @return the DER signature
     * @throws SignatureRejectedException when it does not
     */
    public byte[] verifyProof(String signatureBase64) {
        return DecisionSignatureVerifier.verifySignature(publicKey, canonicalBytes(), signatureBase64);
    }
}
