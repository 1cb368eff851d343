package org.approvalchain.engine.signing;

import java.util.Base64;

/**
 * A decision whose signature verified against its approver's registered key: what the engine
 * records on chain before it completes the task.
 *
 * @param approverId the user id whose registered key verified the signature
 * @param key that key; record its {@link ApproverKey#pointHex() point}
 * @param payload the decision, parsed from its canonical bytes
 * @param payloadSm3 {@code 0x} + hex SM3 of the canonical bytes
 * @param signatureBase64 the DER signature, base64 (standard alphabet, padded)
 */
public record VerifiedDecision(String approverId, ApproverKey key, DecisionPayload payload, String payloadSm3,
        String signatureBase64) {

    /** The DER-encoded SM2 signature. */
    public byte[] signatureDer() {
        return Base64.getDecoder().decode(signatureBase64);
    }
}
