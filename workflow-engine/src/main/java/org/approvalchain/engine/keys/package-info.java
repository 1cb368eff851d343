/**
 * Approvers' keys: how an SM2 public key becomes the key an approver signs decisions with, and which
 * key was valid when. An approver enrols a key by signing the engine's challenge with it (proof of
 * possession: the private key never leaves the approver), two different administrators approve
 * (four-eyes), and the engine registers it on chain ({@code ApproverKeyRegistry}) with the proof
 * and both names; a new key ends the previous one, a revocation ends a key. The chain is the
 * authority: {@link org.approvalchain.engine.keys.RegisteredKeys} answers {@link
 * org.approvalchain.engine.signing.ApproverKeys} from it, so a changed database row cannot put a key
 * in an approver's name. Enrolments in progress are kept in {@code ac_key_enrolment}. See
 * docs/approver-keys.md.
 */
package org.approvalchain.engine.keys;
