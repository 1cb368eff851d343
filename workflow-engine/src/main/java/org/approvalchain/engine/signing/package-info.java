/**
 * Signed approver decisions. An approver signs the canonical bytes of a {@link
 * org.approvalchain.engine.signing.DecisionPayload} with an SM2 key that only they hold (电子签名法
 * Art. 13); the engine never sees the private key. This package defines the payload and its one
 * canonical byte form, the case-state document whose SM3 the payload carries ({@link
 * org.approvalchain.engine.signing.CaseStateDocument}), the SM3 digest recorded on chain, the approver's public key ({@link
 * org.approvalchain.engine.signing.ApproverKey}, parsed from PEM or an SM2 certificate), the
 * registry of approvers' keys ({@link org.approvalchain.engine.signing.ApproverKeys}, table {@code
 * ac_approver_key}), and {@link org.approvalchain.engine.signing.DecisionSignatureVerifier}, which
 * accepts a decision only if it is signed (SM3withSM2, GM/T 0009) by the approver's registered
 * key. No Camunda, no web, no ledger. The {@code cli} subpackage is the reference signer an
 * approver's client can follow (and the demo's key generator). See docs/decision-payload.md.
 */
package org.approvalchain.engine.signing;
