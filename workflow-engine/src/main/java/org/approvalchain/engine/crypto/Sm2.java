package org.approvalchain.engine.crypto;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;

/**
 * SM2 (GM/T 0003), the one definition of the curve sm2p256v1 that approvers' keys, decision
 * signatures and an SM chain's transaction signatures share. Decisions are signed SM3withSM2 as in
 * GM/T 0009 with the default user id {@code 1234567812345678} in the Z value, DER-encoded (SEQUENCE
 * of INTEGER r, INTEGER s); the message signed is the payload bytes themselves, not their digest:
 * the signer hashes Z ‖ message.
 */
public final class Sm2 {

    public static final String DEFAULT_USER_ID = "1234567812345678";

    public static final X9ECParameters CURVE = GMNamedCurves.getByOID(GMObjectIdentifiers.sm2p256v1);

    public static final ECDomainParameters DOMAIN = new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, CURVE);

    private Sm2() {
    }

    /** A signer (DER encoding, SM3) initialised with {@code key} and the default user id. */
    public static SM2Signer signer(boolean forSigning, CipherParameters key) {
        SM2Signer signer = new SM2Signer();
        signer.init(forSigning, new ParametersWithID(key, DEFAULT_USER_ID.getBytes(StandardCharsets.US_ASCII)));
        return signer;
    }
}
