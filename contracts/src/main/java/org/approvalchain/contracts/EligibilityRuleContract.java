package org.approvalchain.contracts;

import static org.approvalchain.contracts.AbiArguments.bytes32;
import static org.approvalchain.contracts.AbiArguments.string;
import static org.approvalchain.contracts.AbiArguments.uint256;
import static org.approvalchain.contracts.AbiCodec.event;
import static org.approvalchain.contracts.AbiCodec.indexed;
import static org.approvalchain.contracts.AbiCodec.plain;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.fisco.bcos.sdk.v3.codec.datatypes.Bool;
import org.fisco.bcos.sdk.v3.codec.datatypes.Event;
import org.fisco.bcos.sdk.v3.codec.datatypes.Utf8String;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Bytes32;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Uint256;

/**
 * Codec for {@code EligibilityRule.sol}, a non-discretionary rule: named criteria with bounds set
 * by the admin; a value is eligible when {@code min <= value <= max}. Every result names the rule
 * version it applied. Criteria are bytes32 names, made with {@link #criterion(String)}.
 */
public final class EligibilityRuleContract extends DepartmentAccessContract {
    public static final String NAME = "EligibilityRule";

    private static final Event CRITERION_SET = event("CriterionSet",
        indexed(Bytes32.class), plain(Uint256.class), plain(Uint256.class), plain(Uint256.class));
    private static final Event EVALUATED = event("Evaluated", plain(Utf8String.class),
        indexed(Bytes32.class), plain(Uint256.class), plain(Bool.class), plain(Uint256.class));

    public EligibilityRuleContract(AbiCodec codec) {
        super(NAME, codec);
    }

    /** A short printable ASCII name (1–32 characters) as a right-padded bytes32 criterion. */
    public static byte[] criterion(String name) {
        if (name == null || name.isEmpty() || name.length() > 32 || !name.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("criterion name must be 1-32 printable ASCII characters, got '"
                + name + "'");
        }
        return Arrays.copyOf(name.getBytes(StandardCharsets.US_ASCII), 32);
    }

    public byte[] setCriterion(byte[] criterion, BigInteger min, BigInteger max) {
        return codec.encodeCall("setCriterion", bytes32("criterion", criterion), uint256("min", min),
            uint256("max", max));
    }

    public byte[] evaluate(String caseId, byte[] criterion, BigInteger value) {
        return codec.encodeCall("evaluate", string("caseId", caseId), bytes32("criterion", criterion),
            uint256("value", value));
    }

    public byte[] check(byte[] criterion, BigInteger value) {
        return codec.encodeCall("check", bytes32("criterion", criterion), uint256("value", value));
    }

    public byte[] getCriterion(byte[] criterion) {
        return codec.encodeCall("getCriterion", bytes32("criterion", criterion));
    }

    public byte[] ruleVersion() {
        return codec.encodeCall("ruleVersion");
    }

    /** The result of {@code check} or {@code evaluate}, which return the same pair. */
    public EligibilityResult decodeResult(byte[] output) {
        AbiValues v = codec.decodeOutput("check", output, Bool.class, Uint256.class);
        return new EligibilityResult(v.bool(0), v.uintAsLong(1));
    }

    /** The bounds returned by {@code getCriterion}, or empty when the criterion is not defined. */
    public Optional<CriterionBounds> decodeCriterion(byte[] output) {
        AbiValues v = codec.decodeOutput("getCriterion", output, Uint256.class, Uint256.class, Bool.class);
        return v.bool(2) ? Optional.of(new CriterionBounds(v.uint(0), v.uint(1))) : Optional.empty();
    }

    public long decodeRuleVersion(byte[] output) {
        return codec.decodeOutput("ruleVersion", output, Uint256.class).uintAsLong(0);
    }

    public Optional<CriterionSet> criterionSet(List<String> topics, byte[] data) {
        return codec.decodeEvent(CRITERION_SET, topics, data)
            .map(v -> new CriterionSet(v.bytes(0), v.uint(1), v.uint(2), v.uintAsLong(3)));
    }

    public Optional<Evaluated> evaluated(List<String> topics, byte[] data) {
        return codec.decodeEvent(EVALUATED, topics, data)
            .map(v -> new Evaluated(v.string(0), v.bytes(1), v.uint(2), v.bool(3), v.uintAsLong(4)));
    }

    /** Whether a value met a criterion, and under which rule version. */
    public record EligibilityResult(boolean eligible, long ruleVersion) {
    }

    /** The inclusive bounds of a defined criterion. */
    public record CriterionBounds(BigInteger min, BigInteger max) {
    }

    /** The admin set a criterion's bounds, which made a new rule version. */
    public record CriterionSet(byte[] criterion, BigInteger min, BigInteger max, long ruleVersion) {
    }

    /** A case's value was evaluated against a criterion on chain. */
    public record Evaluated(String caseId, byte[] criterion, BigInteger value, boolean eligible, long ruleVersion) {
    }
}
