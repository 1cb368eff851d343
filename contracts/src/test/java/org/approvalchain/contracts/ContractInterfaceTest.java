package org.approvalchain.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.approvalchain.contracts.CaseLedgerContract.StepKind;
import org.approvalchain.contracts.DecisionRegistryContract.Decision;
import org.fisco.bcos.sdk.v3.codec.abi.FunctionEncoder;
import org.fisco.bcos.sdk.v3.codec.datatypes.Address;
import org.fisco.bcos.sdk.v3.codec.datatypes.Bool;
import org.fisco.bcos.sdk.v3.codec.datatypes.DynamicBytes;
import org.fisco.bcos.sdk.v3.codec.datatypes.Type;
import org.fisco.bcos.sdk.v3.codec.datatypes.Utf8String;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Bytes32;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Uint256;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Uint8;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ContractInterfaceTest {
    private static final String ACCOUNT = "0x00000000000000000000000000000000000000b2";

    private static ContractInterface contract(String name, ChainCrypto crypto) {
        return new ContractInterface(Compiled.artifact(name, crypto));
    }

    private static byte[] hash(int fill) {
        byte[] hash = new byte[32];
        Arrays.fill(hash, (byte) fill);
        return hash;
    }

    private static String hex(byte[] bytes) {
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    /** Return data as the contract would produce it, encoded by the SDK itself. */
    private static byte[] returned(Type<?>... values) {
        return FunctionEncoder.encodeConstructor(List.of(values));
    }

    private static Map<String, Object> inputs(Object... namesAndValues) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            inputs.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return inputs;
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void encodesOpenCaseExactlyLikeTheTypedFacade(ChainCrypto crypto) {
        byte[] typed = Facades.of(crypto).cases().openCase("case-1", "Process_Permit:3:abc", 3, hash(6));
        var ledger = contract("CaseLedger", crypto);
        assertThat(ledger.encode("openCase", inputs("caseId", "case-1", "processDefinitionId", "Process_Permit:3:abc",
            "processVersion", 3, "applicantDataHash", hash(6)))).isEqualTo(typed);
        assertThat(ledger.encode("openCase", inputs("applicantDataHash", hex(hash(6)), "processVersion", "3",
            "caseId", "case-1", "processDefinitionId", "Process_Permit:3:abc"))).isEqualTo(typed);
        assertThat(ledger.encode("openCase(string,string,uint256,bytes32)",
            List.of("case-1", "Process_Permit:3:abc", BigInteger.valueOf(3), hash(6)))).isEqualTo(typed);
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void encodesLicenseIssueExactlyLikeTheTypedFacade(ChainCrypto crypto) {
        long from = 1_700_000_000_000L;
        byte[] typed = Facades.of(crypto).licenses().issue("LIC-42", "business", hash(1), from, from + 86_400_000L);
        assertThat(contract("LicenseRegistry", crypto).encode("issue", inputs("licenseNo", "LIC-42",
            "licenseType", "business", "holderHash", hash(1), "validFrom", from, "validUntil",
            String.valueOf(from + 86_400_000L)))).isEqualTo(typed);
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void encodesEligibilityEvaluateExactlyLikeTheTypedFacade(ChainCrypto crypto) {
        byte[] criterion = EligibilityRuleContract.criterion("age");
        byte[] typed = Facades.of(crypto).rule().evaluate("case-7", criterion, BigInteger.valueOf(34));
        assertThat(contract("EligibilityRule", crypto).encode("evaluate",
            inputs("caseId", "case-7", "criterion", hex(criterion), "value", 34.0))).isEqualTo(typed);
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void encodesRecordDecisionWithDynamicBytesExactlyLikeTheTypedFacade(ChainCrypto crypto) {
        byte[] publicKey = new byte[65];
        Arrays.fill(publicKey, (byte) 4);
        byte[] signature = new byte[] {1, 2, 3, 4, 5};
        byte[] typed = Facades.of(crypto).decisions().recordDecision("case-1", "Task_Review", "official-7", publicKey,
            Decision.RETURN_FOR_CORRECTION, hash(5), signature);
        assertThat(contract("DecisionRegistry", crypto).encode("recordDecision", inputs("caseId", "case-1",
            "taskId", "Task_Review", "approverId", "official-7", "approverPublicKey", publicKey,
            "decision", Decision.RETURN_FOR_CORRECTION.code(), "payloadHash", hash(5), "signature", hex(signature))))
            .isEqualTo(typed);
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void encodesSmallIntegersAndAddressesLikeTheTypedFacades(ChainCrypto crypto) {
        var ledger = contract("CaseLedger", crypto);
        assertThat(ledger.encode("recordStep", List.of("c", "p", 1, hash(1), "a", (byte) 2, hash(3))))
            .isEqualTo(Facades.of(crypto).cases().recordStep("c", "p", 1, hash(1), "a", StepKind.MANUAL, hash(3)));
        assertThat(ledger.encode("grantWriter", inputs("account", ACCOUNT.toUpperCase().replace("0X", "0x"),
            "department", "民政局"))).isEqualTo(Facades.of(crypto).cases().grantWriter(ACCOUNT, "民政局"));
        assertThat(ledger.encode("admin", Map.of())).isEqualTo(Facades.of(crypto).cases().admin());
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void startsEachCallWithTheSelectorOfItsChainsHash(ChainCrypto crypto) {
        byte[] call = contract("EligibilityRule", crypto).encode("check", List.of(hash(0), 1));
        assertThat(Arrays.copyOf(call, 4)).isEqualTo(Compiled.selector(crypto, "check(bytes32,uint256)"));
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void decodesNamedEligibilityResult(ChainCrypto crypto) {
        var rule = contract("EligibilityRule", crypto);
        assertThat(rule.decodeOutputs("check", returned(new Bool(true), new Uint256(BigInteger.valueOf(4)))))
            .containsExactly(Map.entry("eligible", true), Map.entry("version", BigInteger.valueOf(4)));
        assertThat(rule.decodeOutputs("ruleVersion", returned(new Uint256(BigInteger.TEN))))
            .containsExactly(Map.entry("_0", BigInteger.TEN));
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void decodesAllSixValuesOfACaseInDeclarationOrder(ChainCrypto crypto) {
        byte[] output = returned(new Utf8String("Process_Permit:3:abc"), new Uint256(BigInteger.valueOf(3)),
            new Bytes32(hash(7)), new Uint8(2), new Utf8String("approved"), new Uint256(BigInteger.valueOf(5)));
        assertThat(contract("CaseLedger", crypto).decodeOutputs("getCase", output)).containsExactly(
            Map.entry("processDefinitionId", "Process_Permit:3:abc"), Map.entry("processVersion", BigInteger.valueOf(3)),
            Map.entry("applicantDataHash", hex(hash(7))), Map.entry("state", BigInteger.TWO),
            Map.entry("outcome", "approved"), Map.entry("stepCount", BigInteger.valueOf(5)));
    }

    @Test
    void decodesAddressesAndDynamicBytesAsLowerCaseHex() {
        var decisions = contract("DecisionRegistry", ChainCrypto.SM);
        byte[] output = returned(new Utf8String("official-7"), new DynamicBytes(new byte[] {(byte) 0xAB, 1}),
            new Uint8(1), new Bytes32(hash(0xCD)), new DynamicBytes(new byte[0]), new Uint256(BigInteger.valueOf(42)));
        assertThat(decisions.decodeOutputs("getDecision", output)).containsExactly(
            Map.entry("approverId", "official-7"), Map.entry("approverPublicKey", "0xab01"),
            Map.entry("decision", BigInteger.ONE), Map.entry("payloadHash", hex(hash(0xCD))),
            Map.entry("signature", "0x"), Map.entry("recordedAt", BigInteger.valueOf(42)));
        assertThat(contract("LicenseRegistry", ChainCrypto.SM)
            .decodeOutputs("admin", returned(new Address("0x00000000000000000000000000000000000000B2"))))
            .containsExactly(Map.entry("_0", ACCOUNT));
    }

    @Test
    void decodesNothingForAFunctionWithoutOutputs() {
        assertThat(contract("CaseLedger", ChainCrypto.ECDSA).decodeOutputs("closeCase", new byte[0])).isEmpty();
    }

    @Test
    void listsEveryFunctionWithItsParametersAndWhetherItIsAView() {
        var licenses = contract("LicenseRegistry", ChainCrypto.ECDSA);
        assertThat(licenses.functions()).extracting(ContractFunction::signature)
            .containsExactlyInAnyOrderElementsOf(Compiled.signatures("LicenseRegistry", ChainCrypto.ECDSA, "function"));
        assertThat(licenses.function("issue")).isEqualTo(new ContractFunction("issue",
            "issue(string,string,bytes32,uint256,uint256)",
            List.of(new AbiParameter("licenseNo", "string"), new AbiParameter("licenseType", "string"),
                new AbiParameter("holderHash", "bytes32"), new AbiParameter("validFrom", "uint256"),
                new AbiParameter("validUntil", "uint256")), List.of(), false));
        assertThat(licenses.function("verify").constant()).isTrue();
        assertThat(licenses.function("revocationReason").outputs()).containsExactly(new AbiParameter("_0", "string"));
        assertThat(licenses.contractName()).isEqualTo("LicenseRegistry");
    }

    @Test
    void handsOutNothingThatCanBeChanged() {
        var rule = contract("EligibilityRule", ChainCrypto.ECDSA);
        Map<String, Object> result = rule.decodeOutputs("check", returned(new Bool(false), new Uint256(BigInteger.ONE)));
        assertThatThrownBy(() -> result.put("eligible", true)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> rule.functions().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> rule.function("check").inputs().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
