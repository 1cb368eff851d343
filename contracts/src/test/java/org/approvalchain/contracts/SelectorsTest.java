package org.approvalchain.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.approvalchain.contracts.CaseLedgerContract.StepKind;
import org.approvalchain.contracts.DecisionRegistryContract.Decision;
import org.fisco.bcos.sdk.v3.crypto.hash.Keccak256;
import org.fisco.bcos.sdk.v3.crypto.hash.SM3Hash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class SelectorsTest {
    private static final byte[] HASH = new byte[32];
    private static final String ACCOUNT = "0x00000000000000000000000000000000000000a1";
    private static final java.math.BigInteger ONE = java.math.BigInteger.ONE;
    /** Public constants and pure key helpers of the Solidity that the engine has no reason to call. */
    private static final Set<String> NOT_WRAPPED = Set.of("KIND_AUTOMATIC()", "KIND_MANUAL()", "APPROVE()",
        "REJECT()", "RETURN_FOR_CORRECTION()", "stepKey(string,string)", "decisionKey(string,string)");

    record Call(String contract, String signature, Function<Facades, byte[]> encode) {
        @Override
        public String toString() {
            return contract + "." + signature;
        }
    }

    static List<Call> calls() {
        Stream<Call> own = Stream.of(
            new Call("CaseLedger", "openCase(string,string,uint256,bytes32)", f -> f.cases().openCase("c", "p", 1, HASH)),
            new Call("CaseLedger", "recordStep(string,string,uint256,bytes32,string,uint8,bytes32)",
                f -> f.cases().recordStep("c", "p", 1, HASH, "a", StepKind.MANUAL, HASH)),
            new Call("CaseLedger", "recordCall(string,string,uint256,bytes32,string,uint8,bytes32,address,bytes,bytes,bool)",
                f -> f.cases().recordCall(new CaseLedgerContract.StepCall("c", "p", 1, HASH, "a", StepKind.MANUAL, HASH),
                    ACCOUNT, new byte[] {1}, new byte[0], true)),
            new Call("CaseLedger", "closeCase(string,string)", f -> f.cases().closeCase("c", "approved")),
            new Call("CaseLedger", "getCase(string)", f -> f.cases().getCase("c")),
            new Call("CaseLedger", "getStep(string,string)", f -> f.cases().getStep("c", "a")),
            new Call("DecisionRegistry", "recordDecision(string,string,string,bytes,uint8,bytes32,bytes)",
                f -> f.decisions().recordDecision("c", "t", "o", new byte[65], Decision.REJECT, HASH, new byte[64])),
            new Call("DecisionRegistry", "getDecision(string,string)", f -> f.decisions().getDecision("c", "t")),
            new Call("DefinitionRegistry", "anchor(string,uint256,bytes32,bytes32)",
                f -> f.definitions().anchor("k", 1, HASH, HASH)),
            new Call("DefinitionRegistry", "getAnchor(string,uint256)", f -> f.definitions().getAnchor("k", 1)),
            new Call("DocumentEvidence", "anchor(bytes32,string)", f -> f.evidence().anchor(HASH, "id-card")),
            new Call("DocumentEvidence", "revoke(bytes32,string)", f -> f.evidence().revoke(HASH, "forged")),
            new Call("DocumentEvidence", "check(string,bytes32,string)", f -> f.evidence().check("c", HASH, "id-card")),
            new Call("DocumentEvidence", "verify(bytes32)", f -> f.evidence().verify(HASH)),
            new Call("LicenseRegistry", "issue(string,string,bytes32,uint256,uint256)",
                f -> f.licenses().issue("n", "t", HASH, 1, 2)),
            new Call("LicenseRegistry", "revoke(string,string)", f -> f.licenses().revoke("n", "r")),
            new Call("LicenseRegistry", "verify(string,bytes32)", f -> f.licenses().verify("n", HASH)),
            new Call("LicenseRegistry", "revocationReason(string)", f -> f.licenses().revocationReason("n")),
            new Call("EligibilityRule", "setCriterion(bytes32,uint256,uint256)", f -> f.rule().setCriterion(HASH, ONE, ONE)),
            new Call("EligibilityRule", "evaluate(string,bytes32,uint256)", f -> f.rule().evaluate("c", HASH, ONE)),
            new Call("EligibilityRule", "check(bytes32,uint256)", f -> f.rule().check(HASH, ONE)),
            new Call("EligibilityRule", "getCriterion(bytes32)", f -> f.rule().getCriterion(HASH)),
            new Call("EligibilityRule", "ruleVersion()", f -> f.rule().ruleVersion()),
            new Call("ApproverKeyRegistry", "registerKey(string,bytes,uint256,string,string,bytes,bytes)",
                f -> f.keys().registerKey("o", new byte[65], 1, "a1", "a2", new byte[8], new byte[70])),
            new Call("ApproverKeyRegistry", "revokeKey(string,uint256,uint256,string)", f -> f.keys().revokeKey("o", 0, 1, "a1")),
            new Call("ApproverKeyRegistry", "keyCount(string)", f -> f.keys().keyCount("o")),
            new Call("ApproverKeyRegistry", "getKey(string,uint256)", f -> f.keys().getKey("o", 0)),
            new Call("ApproverKeyRegistry", "getApproval(string,uint256)", f -> f.keys().getApproval("o", 0)),
            new Call("InvoiceRegistry", "issue(string,bytes32,uint256,uint256,bytes32)",
                f -> f.invoices().issue("n", HASH, 1, 0, HASH)),
            new Call("InvoiceRegistry", "check(string,string,bytes32)", f -> f.invoices().check("c", "n", HASH)),
            new Call("InvoiceRegistry", "reimburse(string,bytes32,string,string)",
                f -> f.invoices().reimburse("n", HASH, "finance", "c")),
            new Call("InvoiceRegistry", "issueRedLetter(string,string,bytes32,string)",
                f -> f.invoices().issueRedLetter("r", "n", HASH, "returned")),
            new Call("InvoiceRegistry", "status(string,bytes32)", f -> f.invoices().status("n", HASH)),
            new Call("InvoiceRegistry", "settlement(string)", f -> f.invoices().settlement("n")),
            new Call("ReliefFund", "approveGrant(string,bytes32,uint256)", f -> f.relief().approveGrant("c", HASH, 1)),
            new Call("ReliefFund", "disburse(string,uint256,uint256,bytes32)", f -> f.relief().disburse("c", 1, 1, HASH)),
            new Call("ReliefFund", "grant(string)", f -> f.relief().grant("c")),
            new Call("TenderRegistry", "publish(string,bytes32,uint256,uint256)", f -> f.tenders().publish("t", HASH, 1, 2)),
            new Call("TenderRegistry", "submitBid(string,string,bytes32,bytes32)",
                f -> f.tenders().submitBid("t", "b", HASH, HASH)),
            new Call("TenderRegistry", "revealBid(string,string,uint256,bytes32)",
                f -> f.tenders().revealBid("t", "b", 1, HASH)),
            new Call("TenderRegistry", "scoreBid(string,string,uint256,uint256)", f -> f.tenders().scoreBid("t", "b", 1, 1)),
            new Call("TenderRegistry", "award(string,string)", f -> f.tenders().award("t", "b")),
            new Call("TenderRegistry", "tender(string)", f -> f.tenders().tender("t")),
            new Call("TenderRegistry", "bid(string,string)", f -> f.tenders().bid("t", "b")),
            new Call("TenderRegistry", "bidByCommitment(string,bytes32)", f -> f.tenders().bidByCommitment("t", HASH)),
            new Call("TenderRegistry", "commitmentOf(bytes32,uint256,bytes32)",
                f -> f.tenders().commitmentOf(HASH, 1, HASH)),
            new Call("ProxyAuthorisation", "grant(bytes32,bytes32,bytes32,string,uint256,uint256,bytes32)",
                f -> f.proxies().grant(HASH, HASH, HASH, "s", 1, 2, HASH)),
            new Call("ProxyAuthorisation", "revoke(bytes32,bytes32)", f -> f.proxies().revoke(HASH, HASH)),
            new Call("ProxyAuthorisation", "isAuthorised(bytes32,bytes32,bytes32,string,uint256)",
                f -> f.proxies().isAuthorised(HASH, HASH, HASH, "s", 1)),
            new Call("ProxyAuthorisation", "recordAction(bytes32,bytes32,bytes32,string,string,string,string)",
                f -> f.proxies().recordAction(HASH, HASH, HASH, "s", "k", "start", "c")),
            new Call("ProxyAuthorisation", "getAuthorisation(bytes32)", f -> f.proxies().getAuthorisation(HASH)));
        Stream<Call> inherited = Arrays.stream(Compiled.CONTRACTS).flatMap(name -> Stream.of(
            new Call(name, "grantWriter(address,string)", f -> f.byName(name).grantWriter(ACCOUNT, "civil affairs")),
            new Call(name, "revokeWriter(address)", f -> f.byName(name).revokeWriter(ACCOUNT)),
            new Call(name, "transferAdmin(address)", f -> f.byName(name).transferAdmin(ACCOUNT)),
            new Call(name, "isWriter(address)", f -> f.byName(name).isWriter(ACCOUNT)),
            new Call(name, "departmentOf(address)", f -> f.byName(name).departmentOf(ACCOUNT)),
            new Call(name, "admin()", f -> f.byName(name).admin()),
            new Call(name, "setTrustedForwarder(address)", f -> f.byName(name).setTrustedForwarder(ACCOUNT)),
            new Call(name, "trustedForwarder()", f -> f.byName(name).trustedForwarder())));
        return Stream.concat(own, inherited).toList();
    }

    static Stream<Arguments> cryptoAndCall() {
        return Arrays.stream(ChainCrypto.values()).flatMap(crypto -> calls().stream().map(call -> Arguments.of(crypto, call)));
    }

    private static byte[] selectorOf(ChainCrypto crypto, Call call) {
        return Arrays.copyOf(call.encode().apply(Facades.of(crypto)), 4);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cryptoAndCall")
    void encodesEveryCallWithTheHashOfItsCanonicalSignature(ChainCrypto crypto, Call call) {
        assertThat(selectorOf(crypto, call)).isEqualTo(Compiled.selector(crypto, call.signature()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cryptoAndCall")
    void encodesOnlySignaturesOfTheCompiledAbi(ChainCrypto crypto, Call call) {
        assertThat(Compiled.signatures(call.contract(), crypto, "function")).contains(call.signature());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cryptoAndCall")
    void encodesSelectorsThatTheCompiledBytecodeDispatches(ChainCrypto crypto, Call call) {
        assertThat(Compiled.dispatches(call.contract(), crypto, selectorOf(crypto, call))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ChainCrypto.class)
    void wrapsEveryCompiledFunctionExceptConstantsAndKeyHelpers(ChainCrypto crypto) {
        for (String contract : Compiled.CONTRACTS) {
            Set<String> wrapped = calls().stream().filter(call -> call.contract().equals(contract))
                .map(Call::signature).collect(Collectors.toSet());
            Set<String> compiled = Compiled.signatures(contract, crypto, "function").stream()
                .filter(signature -> !NOT_WRAPPED.contains(signature)).collect(Collectors.toSet());
            assertThat(wrapped).as(contract).isEqualTo(compiled);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void usesDifferentSelectorsOnEcdsaAndSmChains(Call call) {
        assertThat(selectorOf(ChainCrypto.ECDSA, call)).isNotEqualTo(selectorOf(ChainCrypto.SM, call));
    }

    @Test
    void encodesOpenCaseWithSm3Selector() {
        byte[] data = Facades.of(ChainCrypto.SM).cases().openCase("c", "p", 1, HASH);
        byte[] sm3 = new SM3Hash().hash("openCase(string,string,uint256,bytes32)".getBytes());
        assertThat(Arrays.copyOf(data, 4)).isEqualTo(Arrays.copyOf(sm3, 4));
    }

    @Test
    void encodesOpenCaseWithKeccakSelector() {
        byte[] data = Facades.of(ChainCrypto.ECDSA).cases().openCase("c", "p", 1, HASH);
        byte[] keccak = new Keccak256().hash("openCase(string,string,uint256,bytes32)".getBytes());
        assertThat(Arrays.copyOf(data, 4)).isEqualTo(Arrays.copyOf(keccak, 4));
    }
}
