package org.approvalchain.engine.crypto;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;

/**
 * SM2 (GM/T 0003), the one definition of the curve sm2p256v1 that approvers' keys, decision
 * signatures and an SM chain's transaction signatures share. Decisions are signed SM3withSM2 as in
 * GM/T 0009 with the default user id {@code 1234567812345678} in the Z value, DER-encoded (SEQUENCE
 * of INTEGER r, INTEGER s); the message signed is the payload bytes themselves, not their digest:
 * the signer hashes Z ‖ message. The curve is Bouncy Castle's own implementation of sm2p256v1
 * ({@code CustomNamedCurves}: fixed-width field arithmetic for this prime), not the generic one over
 * {@code BigInteger} that {@code GMNamedCurves} gives for the same parameters, which made every
 * signature and verification several times slower.
 */
public final class Sm2 {

    public static final String DEFAULT_USER_ID = "1234567812345678";

    public static final X9ECParameters CURVE = CustomNamedCurves.getByOID(GMObjectIdentifiers.sm2p256v1);

    public static final ECDomainParameters DOMAIN = new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, CURVE);

    private Sm2() {
    }

    /** A verifier (DER encoding, SM3) of signatures by {@code publicKey} with the default user id; {@link Sm2SigningKey} signs. */
    public static SM2Signer verifier(ECPublicKeyParameters publicKey) {
        SM2Signer verifier = new SM2Signer();
        verifier.init(false, new ParametersWithID(publicKey, DEFAULT_USER_ID.getBytes(StandardCharsets.US_ASCII)));
        return verifier;
    }
}
