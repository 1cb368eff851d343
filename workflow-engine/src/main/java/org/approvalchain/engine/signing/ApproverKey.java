package org.approvalchain.engine.signing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;

import org.approvalchain.engine.crypto.Sm2;
import org.approvalchain.engine.crypto.Sm3;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.encoders.DecoderException;
import org.bouncycastle.util.encoders.Hex;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * An approver's SM2 public key: a point on sm2p256v1. It is recorded on chain as the uncompressed
 * 65-byte point ({@code 04 ‖ x ‖ y}) and identified by its {@link #fingerprint() fingerprint}, the
 * SM3 hash of that encoding. Built from PEM ({@link #fromPem}: a SubjectPublicKeyInfo or an X.509
 * certificate, e.g. issued by a Chinese CA) or from the stored point ({@link #fromEncodedPoint}).
 * Only the key is taken from a certificate: its validity and issuer are not checked here.
 */
public final class ApproverKey {

    private final ECPoint point;

    private ApproverKey(ECPoint point) {
        this.point = point.normalize();
    }

    /**
     * The key in a PEM {@code PUBLIC KEY} (SubjectPublicKeyInfo) or {@code CERTIFICATE} block.
     *
     * @throws InvalidApproverKeyException saying what was found instead: no PEM, another PEM type, a
     *         non-EC key, an EC key on another curve, or a point that is not on the SM2 curve
     */
    public static ApproverKey fromPem(String pem) {
        return new ApproverKey(ApproverKeyPem.point(pem));
    }

    /** The key from its 65-byte uncompressed (or 33-byte compressed) point encoding. */
    public static ApproverKey fromEncodedPoint(byte[] encoded) {
        return new ApproverKey(ApproverKeyPem.decodePoint(encoded));
    }

    /** The key from {@link #pointHex()}, with or without the {@code 0x} prefix. */
    public static ApproverKey fromPointHex(String hex) {
        String digits = hex != null && hex.startsWith("0x") ? hex.substring(2) : hex;
        try {
            return fromEncodedPoint(Hex.decodeStrict(digits == null ? "" : digits));
        } catch (DecoderException e) {
            throw new InvalidApproverKeyException("SM2 public key point is not hex: " + hex, e);
        }
    }

    /** The uncompressed point, 65 bytes: {@code 0x04}, then x and y as 32 bytes each. */
    public byte[] encodedPoint() {
        return point.getEncoded(false);
    }

    /** {@code 0x} + lower-case hex of {@link #encodedPoint()} (132 hex digits). */
    public String pointHex() {
        return Sm3.toHex(encodedPoint());
    }

    /** {@code 0x} + lower-case hex SM3 of {@link #encodedPoint()}. */
    public String fingerprint() {
        return Sm3.hex(encodedPoint());
    }

    /** The key as a PEM SubjectPublicKeyInfo (id-ecPublicKey, curve sm2p256v1). */
    public String toPem() {
        AlgorithmIdentifier algorithm = new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, GMObjectIdentifiers.sm2p256v1);
        StringWriter out = new StringWriter();
        try (PemWriter pem = new PemWriter(out)) {
            pem.writeObject(new PemObject("PUBLIC KEY", new SubjectPublicKeyInfo(algorithm, encodedPoint()).getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().endsWith("\n") ? out.toString() : out + "\n";
    }

    ECPublicKeyParameters parameters() {
        return new ECPublicKeyParameters(point, Sm2.DOMAIN);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApproverKey key && Arrays.equals(encodedPoint(), key.encodedPoint());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encodedPoint());
    }

    @Override
    public String toString() {
        return "ApproverKey[SM2 " + fingerprint() + "]";
    }
}
