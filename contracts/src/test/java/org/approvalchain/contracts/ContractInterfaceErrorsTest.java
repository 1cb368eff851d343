package org.approvalchain.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.AbstractThrowableAssert;
import org.fisco.bcos.sdk.v3.codec.abi.FunctionEncoder;
import org.fisco.bcos.sdk.v3.codec.datatypes.Bool;
import org.fisco.bcos.sdk.v3.codec.datatypes.Function;
import org.fisco.bcos.sdk.v3.codec.datatypes.Type;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Bytes4;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Int8;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Uint8;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ContractInterfaceErrorsTest {
    private static final byte[] HASH = new byte[32];
    /** A contract we do not have: an overloaded function, signed integers, bytes4 and an array. */
    private static final String SYNTHETIC_ABI = """
        [{"type":"function","name":"put","stateMutability":"nonpayable","inputs":[{"name":"key","type":"uint256"}],"outputs":[]},
         {"type":"function","name":"put","stateMutability":"nonpayable","inputs":[{"name":"key","type":"string"}],"outputs":[]},
         {"type":"function","name":"mixed","stateMutability":"pure","inputs":[{"name":"delta","type":"int8"},
           {"name":"small","type":"uint8"},{"name":"tag","type":"bytes4"},{"name":"flag","type":"bool"}],
           "outputs":[{"name":"","type":"int8"}]},
         {"type":"function","name":"batch","stateMutability":"nonpayable","inputs":[{"name":"ids","type":"uint256[]"}],
           "outputs":[{"name":"sums","type":"uint256[]"}]}]""";

    private final ContractInterface licenses = new ContractInterface(Compiled.artifact("LicenseRegistry", ChainCrypto.ECDSA));
    private final ContractInterface synthetic = new ContractInterface(
        new ContractArtifact("Synthetic", ChainCrypto.ECDSA, SYNTHETIC_ABI, new byte[0]));

    private static Map<String, Object> issueWith(String parameter, Object value) {
        Map<String, Object> inputs = new HashMap<>(Map.of("licenseNo", "LIC-1", "licenseType", "business",
            "holderHash", HASH, "validFrom", 1, "validUntil", 2));
        inputs.put(parameter, value);
        return inputs;
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> rejects(Executable call) {
        return assertThatThrownBy(call::execute).isInstanceOf(IllegalArgumentException.class);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> rejectsIssue(String parameter, Object value) {
        return rejects(() -> licenses.encode("issue", issueWith(parameter, value)));
    }

    @Test
    void rejectsAnIntegerThatIsNotANumberNamingContractFunctionAndParameter() {
        rejectsIssue("validFrom", "abc").hasMessage("LicenseRegistry.issue: parameter validFrom: expected uint256, got 'abc'");
    }

    @Test
    void rejectsNegativeFractionalAndOversizedUnsignedIntegers() {
        rejectsIssue("validFrom", -1).hasMessageStartingWith("LicenseRegistry.issue: parameter validFrom: expected uint256")
            .hasMessageContaining("negative");
        rejectsIssue("validUntil", 1.5).hasMessageStartingWith("LicenseRegistry.issue: parameter validUntil:")
            .hasMessageContaining("not a whole number");
        rejectsIssue("validUntil", "2.0").hasMessageContaining("parameter validUntil");
        rejectsIssue("validFrom", BigInteger.TWO.pow(256)).hasMessageContaining("parameter validFrom")
            .hasMessageContaining("out of range");
        rejectsIssue("validFrom", Double.NaN).hasMessageContaining("parameter validFrom");
        rejects(() -> synthetic.encode("mixed", List.of(0, 256, "0x00000000", true)))
            .hasMessage("Synthetic.mixed: parameter small: expected uint8, got 256 (Integer) (out of range)");
        rejects(() -> synthetic.encode("mixed", List.of(-129, 0, "0x00000000", true)))
            .hasMessageContaining("parameter delta: expected int8").hasMessageContaining("out of range");
    }

    @Test
    void rejectsFixedBytesOfTheWrongLengthOrNotHex() {
        rejectsIssue("holderHash", new byte[31])
            .hasMessage("LicenseRegistry.issue: parameter holderHash: expected bytes32, got 31 bytes (31 bytes, not 32)");
        rejectsIssue("holderHash", "0x1234").hasMessageContaining("parameter holderHash").hasMessageContaining("not 32");
        rejectsIssue("holderHash", "zz".repeat(32)).hasMessageContaining("parameter holderHash");
    }

    @Test
    void rejectsNullForEveryKindOfParameter() {
        rejectsIssue("licenseNo", null).hasMessage("LicenseRegistry.issue: parameter licenseNo: expected string, got null");
        rejects(() -> synthetic.encode("mixed", java.util.Arrays.asList(0, 0, "0x00000000", null)))
            .hasMessage("Synthetic.mixed: parameter flag: expected bool, got null");
    }

    @Test
    void rejectsBadBooleansAddressesAndBytes() {
        rejects(() -> synthetic.encode("mixed", List.of(0, 0, "0x00000000", "yes")))
            .hasMessage("Synthetic.mixed: parameter flag: expected bool, got 'yes'");
        rejects(() -> licenses.encode("grantWriter", Map.of("account", "0x1234", "department", "民政局")))
            .hasMessage("LicenseRegistry.grantWriter: parameter account: expected address, got '0x1234'");
        var decisions = new ContractInterface(Compiled.artifact("DecisionRegistry", ChainCrypto.SM));
        rejects(() -> decisions.encode("recordDecision", List.of("c", "t", "o", "0x123", 1, HASH, new byte[0])))
            .hasMessageStartingWith("DecisionRegistry.recordDecision: parameter approverPublicKey: expected bytes, got '0x123'");
    }

    @Test
    void rejectsUnknownFunctionsMissingAndUnknownParameters() {
        rejects(() -> licenses.encode("issu", Map.of())).hasMessageStartingWith("LicenseRegistry: no function 'issu'")
            .hasMessageContaining("issue");
        Map<String, Object> missing = issueWith("validUntil", 2);
        missing.remove("validUntil");
        rejects(() -> licenses.encode("issue", missing)).hasMessage("LicenseRegistry.issue: missing parameter validUntil");
        rejectsIssue("validTo", 2).hasMessageStartingWith("LicenseRegistry.issue: unknown parameter(s) [validTo]");
        rejects(() -> licenses.encode("issue", List.of("LIC-1"))).hasMessageStartingWith("LicenseRegistry.issue: expected 5 inputs");
    }

    @Test
    void rejectsAnAmbiguousOverloadButAcceptsItsSignature() {
        rejects(() -> synthetic.encode("put", Map.of("key", 1)))
            .hasMessage("Synthetic.put is overloaded (put(string), put(uint256)): name it by its signature");
        byte[] expected = new FunctionEncoder(ChainCrypto.ECDSA.hashing())
            .encode(new Function("put", List.<Type>of(new org.fisco.bcos.sdk.v3.codec.datatypes.Utf8String("7")), List.of()));
        assertThat(synthetic.encode("put(string)", Map.of("key", 7))).isEqualTo(expected);
    }

    @Test
    void encodesSignedIntegersSmallFixedBytesAndBooleansFromPlainValues() {
        byte[] expected = new FunctionEncoder(ChainCrypto.ECDSA.hashing()).encode(new Function("mixed",
            List.<Type>of(new Int8(-5), new Uint8(200), new Bytes4(new byte[] {1, 2, 3, 4}), new Bool(true)), List.of()));
        assertThat(synthetic.encode("mixed", Map.of("delta", "-5", "small", 200L, "tag", "0x01020304", "flag", "TRUE")))
            .isEqualTo(expected);
        assertThat(synthetic.decodeOutputs("mixed", FunctionEncoder.encodeConstructor(List.of(new Int8(-5)))))
            .containsEntry("_0", BigInteger.valueOf(-5));
    }

    @Test
    void listsButRefusesArrayParametersNamingThem() {
        assertThat(synthetic.function("batch").signature()).isEqualTo("batch(uint256[])");
        rejects(() -> synthetic.encode("batch", Map.of("ids", List.of(1))))
            .hasMessageStartingWith("Synthetic.batch: parameter ids: unsupported ABI type uint256[]");
        rejects(() -> synthetic.decodeOutputs("batch", new byte[64]))
            .hasMessageStartingWith("Synthetic.batch: output sums: unsupported ABI type uint256[]");
    }

    @Test
    void rejectsEmptyOrTruncatedOutputNamingTheFunction() {
        var rule = new ContractInterface(Compiled.artifact("EligibilityRule", ChainCrypto.SM));
        rejects(() -> rule.decodeOutputs("check", new byte[0]))
            .hasMessage("EligibilityRule.check: output holds no return values (did the call revert?)");
        rejects(() -> rule.decodeOutputs("check", new byte[32])).hasMessageStartingWith("EligibilityRule.check: cannot decode");
    }

    @Test
    void rejectsAnAbiThatIsNotJsonNamingTheContract() {
        rejects(() -> new ContractInterface(new ContractArtifact("Broken", ChainCrypto.SM, "not json", new byte[0])))
            .hasMessageStartingWith("Broken: cannot parse the ABI");
    }
}
