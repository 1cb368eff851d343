/**
 * Signed approver decisions. An approver signs the canonical bytes of a {@link
 * org.approvalchain.engine.signing.DecisionPayload} with an SM2 key that only they hold (电子签名法
 * Art. 13); the engine never sees the private key. This package defines the payload and its one
 * canonical byte form, the SM3 digest recorded on chain, the approver's public key ({@link
 * org.approvalchain.engine.signing.ApproverKey}, parsed from PEM or an SM2 certificate), the
 * {@link org.approvalchain.engine.signing.ApproverKeys} port under which keys are registered, and
 * {@link org.approvalchain.engine.signing.DecisionSignatureVerifier}, which accepts a decision only
 * if it is canonical, signed (SM3withSM2, GM/T 0009) and signed by the approver's registered key.
 * It depends on Bouncy Castle and Jackson only: no Camunda, no web, no ledger. The {@code cli}
 * subpackage is the reference signer an approver's client can follow. See docs/decision-payload.md.
 */
package org.approvalchain.engine.signing;
