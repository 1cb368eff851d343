/**
 * The national cryptography (国密) every module shares, defined once: the SM2 curve and the
 * decision verifier ({@link org.approvalchain.engine.crypto.Sm2}), a private key ready to sign
 * ({@link org.approvalchain.engine.crypto.Sm2SigningKey}), SM3 digests and their hex form
 * ({@link org.approvalchain.engine.crypto.Sm3}), and the canonical JSON (RFC 8785) everything the
 * engine hashes is written in ({@link org.approvalchain.engine.crypto.CanonicalJson}). Bouncy
 * Castle only; no Spring bean, no state.
 */
package org.approvalchain.engine.crypto;
