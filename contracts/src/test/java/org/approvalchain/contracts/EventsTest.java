package org.approvalchain.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.approvalchain.contracts.CaseLedgerContract.StepKind;
import org.approvalchain.contracts.DecisionRegistryContract.Decision;
import org.fisco.bcos.sdk.v3.codec.abi.FunctionEncoder;
import org.fisco.bcos.sdk.v3.codec.abi.TypeEncoder;
import org.fisco.bcos.sdk.v3.codec.datatypes.Address;
import org.fisco.bcos.sdk.v3.codec.datatypes.Bool;
import org.fisco.bcos.sdk.v3.codec.datatypes.DynamicBytes;
import org.fisco.bcos.sdk.v3.codec.datatypes.Type;
import org.fisco.bcos.sdk.v3.codec.datatypes.Utf8String;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Bytes32;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Uint256;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Uint8;
import org.fisco.bcos.sdk.v3.utils.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class EventsTest {
    private static final String A = "0x00000000000000000000000000000000000000a1";
    private static final String B = "0x00000000000000000000000000000000000000b2";
    private static final byte[] H = new byte[32];

    static {
        Arrays.fill(H, (byte) 0x5a);
    }

    interface LogDecoder {
        Optional<?> decode(Facades facades, List<String> topics, byte[] data);
    }

    /** One event as a log would carry it: indexed values in topics, the others in the data. */
    record Log(String contract, String signature, LogDecoder decoder, List<Type<?>> indexed, List<Type<?>> data,
               Object expected) {
        @Override
        public String toString() {
            return contract + "." + signature;
        }

        List<String> topics(ChainCrypto crypto) {
            List<String> topics = new ArrayList<>(List.of(Compiled.topic(crypto, signature)));
            indexed.forEach(value -> topics.add(Hex.toHexStringWithPrefix(TypeEncoder.encode(value))));
            return topics;
        }

        byte[] encodedData() {
            return FunctionEncoder.encodeConstructor(List.copyOf(data));
        }
    }

    private static Uint256 uint(long value) {
        return new Uint256(BigInteger.valueOf(value));
    }

    static List<Log> logs() {
        Stream<Log> own = Stream.of(
            new Log("CaseLedger", "CaseOpened(string,string,uint256,bytes32)", (f, t, d) -> f.cases().caseOpened(t, d),
                List.of(), List.of(new Utf8String("c"), new Utf8String("p"), uint(3), new Bytes32(H)),
                new CaseLedgerContract.CaseOpened("c", "p", 3, H)),
            new Log("CaseLedger", "StepRecorded(string,string,uint8,bytes32,uint256)",
                (f, t, d) -> f.cases().stepRecorded(t, d), List.of(),
                List.of(new Utf8String("c"), new Utf8String("a"), new Uint8(2), new Bytes32(H), uint(4)),
                new CaseLedgerContract.StepRecorded("c", "a", StepKind.MANUAL, H, 4)),
            new Log("CaseLedger", "CaseClosed(string,string,uint256)", (f, t, d) -> f.cases().caseClosed(t, d),
                List.of(), List.of(new Utf8String("c"), new Utf8String("approved"), uint(4)),
                new CaseLedgerContract.CaseClosed("c", "approved", 4)),
            new Log("DecisionRegistry", "DecisionRecorded(string,string,string,uint8,bytes32)",
                (f, t, d) -> f.decisions().decisionRecorded(t, d), List.of(),
                List.of(new Utf8String("c"), new Utf8String("t"), new Utf8String("o"), new Uint8(1), new Bytes32(H)),
                new DecisionRegistryContract.DecisionRecorded("c", "t", "o", Decision.APPROVE, H)),
            new Log("DefinitionRegistry", "DefinitionAnchored(string,uint256,bytes32,bytes32)",
                (f, t, d) -> f.definitions().definitionAnchored(t, d), List.of(),
                List.of(new Utf8String("k"), uint(2), new Bytes32(H), new Bytes32(H)),
                new DefinitionRegistryContract.DefinitionAnchored("k", 2, H, H)),
            new Log("DocumentEvidence", "DocumentAnchored(bytes32,address,string)",
                (f, t, d) -> f.evidence().documentAnchored(t, d), List.of(new Bytes32(H), new Address(A)),
                List.of(new Utf8String("id-card")), new DocumentEvidenceContract.DocumentAnchored(H, A, "id-card")),
            new Log("DocumentEvidence", "DocumentRevoked(bytes32,address,string)",
                (f, t, d) -> f.evidence().documentRevoked(t, d), List.of(new Bytes32(H), new Address(A)),
                List.of(new Utf8String("forged")), new DocumentEvidenceContract.DocumentRevoked(H, A, "forged")),
            new Log("DocumentEvidence", "EvidenceChecked(string,bytes32,string,bool)",
                (f, t, d) -> f.evidence().evidenceChecked(t, d), List.of(new Bytes32(H)),
                List.of(new Utf8String("c"), new Utf8String("id-card"), new Bool(true)),
                new DocumentEvidenceContract.EvidenceChecked("c", H, "id-card", true)),
            new Log("LicenseRegistry", "LicenseIssued(string,string,bytes32,address,uint256,uint256)",
                (f, t, d) -> f.licenses().licenseIssued(t, d), List.of(new Address(A)),
                List.of(new Utf8String("n"), new Utf8String("business"), new Bytes32(H), uint(1), uint(2)),
                new LicenseRegistryContract.LicenseIssued("n", "business", H, A, 1, 2)),
            new Log("LicenseRegistry", "LicenseRevoked(string,address,string)",
                (f, t, d) -> f.licenses().licenseRevoked(t, d), List.of(new Address(B)),
                List.of(new Utf8String("n"), new Utf8String("fraud")),
                new LicenseRegistryContract.LicenseRevoked("n", B, "fraud")),
            new Log("EligibilityRule", "CriterionSet(bytes32,uint256,uint256,uint256)",
                (f, t, d) -> f.rule().criterionSet(t, d), List.of(new Bytes32(H)), List.of(uint(18), uint(65), uint(2)),
                new EligibilityRuleContract.CriterionSet(H, BigInteger.valueOf(18), BigInteger.valueOf(65), 2)),
            new Log("EligibilityRule", "Evaluated(string,bytes32,uint256,bool,uint256)",
                (f, t, d) -> f.rule().evaluated(t, d), List.of(new Bytes32(H)),
                List.of(new Utf8String("c"), uint(30), new Bool(true), uint(2)),
                new EligibilityRuleContract.Evaluated("c", H, BigInteger.valueOf(30), true, 2)),
            new Log("ApproverKeyRegistry", "KeyRegistered(string,uint256,bytes,uint256,string,string)",
                (f, t, d) -> f.keys().keyRegistered(t, d), List.of(),
                List.of(new Utf8String("o"), uint(1), new DynamicBytes(H), uint(5), new Utf8String("a1"), new Utf8String("a2")),
                new ApproverKeyRegistryContract.KeyRegistered("o", 1, H, 5, "a1", "a2")),
            new Log("ApproverKeyRegistry", "KeyRevoked(string,uint256,uint256,string)",
                (f, t, d) -> f.keys().keyRevoked(t, d), List.of(),
                List.of(new Utf8String("o"), uint(1), uint(9), new Utf8String("a1")),
                new ApproverKeyRegistryContract.KeyRevoked("o", 1, 9, "a1")),
            new Log("InvoiceRegistry", "InvoiceIssued(string,address,bytes32,uint256,uint256,bytes32)",
                (f, t, d) -> f.invoices().invoiceIssued(t, d), List.of(new Address(A)),
                List.of(new Utf8String("n"), new Bytes32(H), uint(10600), uint(600), new Bytes32(H)),
                new InvoiceRegistryContract.InvoiceIssued("n", A, H, 10600, 600, H)),
            new Log("InvoiceRegistry", "InvoiceChecked(string,string,uint8,bool)",
                (f, t, d) -> f.invoices().invoiceChecked(t, d), List.of(),
                List.of(new Utf8String("c"), new Utf8String("n"), new Uint8(2), new Bool(true)),
                new InvoiceRegistryContract.InvoiceChecked("c", "n", InvoiceRegistryContract.State.REIMBURSED, true)),
            new Log("InvoiceRegistry", "InvoiceReimbursed(string,string,string,address)",
                (f, t, d) -> f.invoices().invoiceReimbursed(t, d), List.of(new Address(B)),
                List.of(new Utf8String("n"), new Utf8String("财务处"), new Utf8String("c")),
                new InvoiceRegistryContract.InvoiceReimbursed("n", "财务处", "c", B)),
            new Log("InvoiceRegistry", "InvoiceReversed(string,string,address,string)",
                (f, t, d) -> f.invoices().invoiceReversed(t, d), List.of(new Address(A)),
                List.of(new Utf8String("r"), new Utf8String("n"), new Utf8String("销售退回")),
                new InvoiceRegistryContract.InvoiceReversed("r", "n", A, "销售退回")),
            new Log("ReliefFund", "GrantApproved(string,bytes32,uint256)",
                (f, t, d) -> f.relief().grantApproved(t, d), List.of(),
                List.of(new Utf8String("c"), new Bytes32(H), uint(3000)),
                new ReliefFundContract.GrantApproved("c", H, 3000)),
            new Log("ReliefFund", "TrancheDisbursed(string,uint256,uint256,bytes32,uint256,uint256)",
                (f, t, d) -> f.relief().trancheDisbursed(t, d), List.of(),
                List.of(new Utf8String("c"), uint(2), uint(1000), new Bytes32(H), uint(2000), uint(1000)),
                new ReliefFundContract.TrancheDisbursed("c", 2, 1000, H, 2000, 1000)),
            new Log("TenderRegistry", "TenderPublished(string,bytes32,uint256,uint256)",
                (f, t, d) -> f.tenders().tenderPublished(t, d), List.of(),
                List.of(new Utf8String("t"), new Bytes32(H), uint(5), uint(9)),
                new TenderRegistryContract.TenderPublished("t", H, 5, 9)),
            new Log("TenderRegistry", "BidSubmitted(string,string,bytes32,bytes32)",
                (f, t, d) -> f.tenders().bidSubmitted(t, d), List.of(),
                List.of(new Utf8String("t"), new Utf8String("b"), new Bytes32(H), new Bytes32(H)),
                new TenderRegistryContract.BidSubmitted("t", "b", H, H)),
            new Log("TenderRegistry", "BidRevealed(string,string,uint256)",
                (f, t, d) -> f.tenders().bidRevealed(t, d), List.of(),
                List.of(new Utf8String("t"), new Utf8String("b"), uint(980000)),
                new TenderRegistryContract.BidRevealed("t", "b", 980000)),
            new Log("TenderRegistry", "BidScored(string,string,uint256,uint256)",
                (f, t, d) -> f.tenders().bidScored(t, d), List.of(),
                List.of(new Utf8String("t"), new Utf8String("b"), uint(261), uint(3)),
                new TenderRegistryContract.BidScored("t", "b", 261, 3)),
            new Log("TenderRegistry", "TenderAwarded(string,string,bytes32,uint256,uint256)",
                (f, t, d) -> f.tenders().tenderAwarded(t, d), List.of(),
                List.of(new Utf8String("t"), new Utf8String("b"), new Bytes32(H), uint(980000), uint(261)),
                new TenderRegistryContract.TenderAwarded("t", "b", H, 980000, 261)),
            new Log("ProxyAuthorisation", "AuthorisationGranted(bytes32,bytes32,bytes32,string,uint256,uint256,bytes32)",
                (f, t, d) -> f.proxies().authorisationGranted(t, d), List.of(),
                List.of(new Bytes32(H), new Bytes32(H), new Bytes32(H), new Utf8String("a,b"), uint(5), uint(9), new Bytes32(H)),
                new ProxyAuthorisationContract.AuthorisationGranted(H, H, H, "a,b", 5, 9, H)),
            new Log("ProxyAuthorisation", "AuthorisationRevoked(bytes32,bytes32)",
                (f, t, d) -> f.proxies().authorisationRevoked(t, d), List.of(),
                List.of(new Bytes32(H), new Bytes32(H)), new ProxyAuthorisationContract.AuthorisationRevoked(H, H)),
            new Log("ProxyAuthorisation", "ActionRecorded(bytes32,string,string,string,string)",
                (f, t, d) -> f.proxies().actionRecorded(t, d), List.of(),
                List.of(new Bytes32(H), new Utf8String("k"), new Utf8String("s"), new Utf8String("start"), new Utf8String("c")),
                new ProxyAuthorisationContract.ActionRecorded(H, "k", "s", "start", "c")));
        Stream<Log> inherited = Arrays.stream(Compiled.CONTRACTS).flatMap(name -> Stream.of(
            new Log(name, "AdminTransferred(address,address)", (f, t, d) -> f.byName(name).adminTransferred(t, d),
                List.of(new Address(A), new Address(B)), List.of(), new DepartmentAccessContract.AdminTransferred(A, B)),
            new Log(name, "WriterGranted(address,string)", (f, t, d) -> f.byName(name).writerGranted(t, d),
                List.of(new Address(A)), List.of(new Utf8String("民政局")),
                new DepartmentAccessContract.WriterGranted(A, "民政局")),
            new Log(name, "WriterRevoked(address)", (f, t, d) -> f.byName(name).writerRevoked(t, d),
                List.of(new Address(A)), List.of(), new DepartmentAccessContract.WriterRevoked(A)),
            new Log(name, "TrustedForwarderSet(address)", (f, t, d) -> f.byName(name).trustedForwarderSet(t, d),
                List.of(new Address(A)), List.of(), new DepartmentAccessContract.TrustedForwarderSet(A))));
        return Stream.concat(own, inherited).toList();
    }

    static Stream<Arguments> cryptoAndLog() {
        return Arrays.stream(ChainCrypto.values()).flatMap(crypto -> logs().stream().map(log -> Arguments.of(crypto, log)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cryptoAndLog")
    void decodesEveryEventWhoseTopicIsTheHashOfItsSignature(ChainCrypto crypto, Log log) {
        Optional<?> event = log.decoder().decode(Facades.of(crypto), log.topics(crypto), log.encodedData());
        assertThat(event).get().usingRecursiveComparison().isEqualTo(log.expected());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cryptoAndLog")
    void ignoresTheSameEventFromTheOtherKindOfChain(ChainCrypto crypto, Log log) {
        ChainCrypto other = crypto == ChainCrypto.ECDSA ? ChainCrypto.SM : ChainCrypto.ECDSA;
        assertThat(log.decoder().decode(Facades.of(crypto), log.topics(other), log.encodedData())).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cryptoAndLog")
    void decodesOnlyEventsOfTheCompiledAbi(ChainCrypto crypto, Log log) {
        assertThat(Compiled.signatures(log.contract(), crypto, "event")).contains(log.signature());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ChainCrypto.class)
    void decodesEveryCompiledEvent(ChainCrypto crypto) {
        for (String contract : Compiled.CONTRACTS) {
            Set<String> decoded = logs().stream().filter(log -> log.contract().equals(contract))
                .map(Log::signature).collect(Collectors.toSet());
            assertThat(decoded).as(contract).isEqualTo(Compiled.signatures(contract, crypto, "event"));
        }
    }

    @Test
    void rejectsALogWithTheWrongNumberOfTopics() {
        Log anchored = logs().stream().filter(log -> log.signature().startsWith("DocumentAnchored")).findFirst().orElseThrow();
        List<String> topics = anchored.topics(ChainCrypto.SM).subList(0, 2);
        assertThatThrownBy(() -> anchored.decoder().decode(Facades.of(ChainCrypto.SM), topics, anchored.encodedData()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DocumentAnchored");
    }
}
