package org.approvalchain.engine.signing;

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
 * The SM2 scheme decisions are signed with: curve sm2p256v1 (GM/T 0003), SM3withSM2 as in GM/T
 * 0009 with the default user id {@code 1234567812345678} in the Z value, signature DER-encoded
 * (SEQUENCE of INTEGER r, INTEGER s). The message signed is the payload bytes themselves, not their
 * digest: the signer hashes Z ‖ message.
 */
public final class Sm2 {

    public static final String DEFAULT_USER_ID = "1234567812345678";

    static final X9ECParameters CURVE = GMNamedCurves.getByOID(GMObjectIdentifiers.sm2p256v1);

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
