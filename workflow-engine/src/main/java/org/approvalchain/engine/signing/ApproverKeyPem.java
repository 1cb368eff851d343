package org.approvalchain.engine.signing;

import java.io.IOException;
import java.io.StringReader;
import java.util.Set;
import java.util.function.Supplier;

import org.approvalchain.engine.crypto.Sm2;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/** Turns PEM text into an SM2 point, with a message for each way it can be something else. */
final class ApproverKeyPem {

    private static final Set<String> PRIVATE_TYPES = Set.of("PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY");

    private ApproverKeyPem() {
    }

    static ECPoint point(String pem) {
        PemObject block = block(pem);
        String type = block.getType();
        if (PRIVATE_TYPES.contains(type)) {
            throw new InvalidApproverKeyException("this is a private key (PEM " + type
                    + "); register the approver's public key, the private key must stay with the approver");
        }
        SubjectPublicKeyInfo info = switch (type) {
            case "PUBLIC KEY" -> parse(block, () -> SubjectPublicKeyInfo.getInstance(block.getContent()));
            case "CERTIFICATE" -> parse(block, () -> Certificate.getInstance(block.getContent()).getSubjectPublicKeyInfo());
            default -> throw new InvalidApproverKeyException("PEM block is " + type + ", expected PUBLIC KEY or CERTIFICATE");
        };
        requireSm2(info);
        return decodePoint(info.getPublicKeyData().getOctets());
    }

    static ECPoint decodePoint(byte[] encoded) {
        if (encoded == null || (encoded.length != 65 && encoded.length != 33)) {
            throw new InvalidApproverKeyException("SM2 public key point must be 65 bytes (uncompressed) or 33 (compressed), was "
                    + (encoded == null ? "missing" : encoded.length + " bytes"));
        }
        try {
            ECPoint point = Sm2.CURVE.getCurve().decodePoint(encoded);
            if (point.isInfinity() || !point.isValid()) {
                throw new InvalidApproverKeyException("point is not a valid SM2 public key");
            }
            return point;
        } catch (IllegalArgumentException e) {
            throw new InvalidApproverKeyException("point is not on the SM2 curve sm2p256v1: " + e.getMessage(), e);
        }
    }

    private static PemObject block(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new InvalidApproverKeyException("no key given");
        }
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            PemObject block = reader.readPemObject();
            if (block == null) {
                throw new InvalidApproverKeyException("no PEM block found: expected -----BEGIN PUBLIC KEY----- or -----BEGIN CERTIFICATE-----");
            }
            return block;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidApproverKeyException invalid) {
                throw invalid;
            }
            throw new InvalidApproverKeyException("PEM is damaged (" + e.getMessage() + ")", e);
        }
    }

    private static SubjectPublicKeyInfo parse(PemObject block, Supplier<SubjectPublicKeyInfo> parser) {
        if (block.getContent() == null || block.getContent().length == 0) {
            throw new InvalidApproverKeyException("PEM " + block.getType() + " is empty");
        }
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidApproverKeyException("PEM " + block.getType() + " does not hold valid DER: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new InvalidApproverKeyException("PEM " + block.getType() + " does not hold valid DER", e);
        }
    }

    /** The usual form is id-ecPublicKey with the sm2p256v1 OID; some SM issuers put the SM2 OID as the algorithm. */
    private static void requireSm2(SubjectPublicKeyInfo info) {
        ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
        if (algorithm.equals(GMObjectIdentifiers.sm2p256v1)) {
            return;
        }
        if (!algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            throw new InvalidApproverKeyException("not an SM2 key: algorithm " + algorithm.getId() + " is not elliptic-curve");
        }
        ASN1Encodable parameters = info.getAlgorithm().getParameters();
        if (parameters instanceof ASN1ObjectIdentifier curve) {
            if (!curve.equals(GMObjectIdentifiers.sm2p256v1)) {
                String name = ECNamedCurveTable.getName(curve);
                throw new InvalidApproverKeyException("not an SM2 key: the curve is " + (name == null ? "" : name + " ")
                        + "(" + curve.getId() + "), expected sm2p256v1 (" + GMObjectIdentifiers.sm2p256v1.getId() + ")");
            }
            return;
        }
        X9ECParameters explicit = explicitParameters(parameters);
        if (explicit == null || !explicit.getCurve().equals(Sm2.CURVE.getCurve()) || !explicit.getG().equals(Sm2.CURVE.getG())) {
            throw new InvalidApproverKeyException("not an SM2 key: the EC parameters are not those of sm2p256v1");
        }
    }

    private static X9ECParameters explicitParameters(ASN1Encodable parameters) {
        try {
            return parameters == null ? null : X9ECParameters.getInstance(parameters);
        } catch (RuntimeException notExplicitParameters) {
            return null;
        }
    }
}
