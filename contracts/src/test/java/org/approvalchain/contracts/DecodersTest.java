package org.approvalchain.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

import org.approvalchain.contracts.CaseLedgerContract.CaseState;
import org.approvalchain.contracts.CaseLedgerContract.StepKind;
import org.approvalchain.contracts.DecisionRegistryContract.Decision;
import org.fisco.bcos.sdk.v3.codec.Utils;
import org.fisco.bcos.sdk.v3.codec.abi.FunctionEncoder;
import org.fisco.bcos.sdk.v3.codec.abi.FunctionReturnDecoder;
import org.fisco.bcos.sdk.v3.codec.datatypes.Address;
import org.fisco.bcos.sdk.v3.codec.datatypes.Bool;
import org.fisco.bcos.sdk.v3.codec.datatypes.DynamicBytes;
import org.fisco.bcos.sdk.v3.codec.datatypes.Type;
import org.fisco.bcos.sdk.v3.codec.datatypes.TypeReference;
import org.fisco.bcos.sdk.v3.codec.datatypes.Utf8String;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Bytes32;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Uint256;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Uint8;
import org.fisco.bcos.sdk.v3.utils.Hex;
import org.junit.jupiter.api.Test;

class DecodersTest {
    private static final String ISSUER = "0x00000000000000000000000000000000000000b2";
    private final Facades facades = Facades.of(ChainCrypto.SM);

    private static byte[] hash(int fill) {
        byte[] hash = new byte[32];
        Arrays.fill(hash, (byte) fill);
        return hash;
    }

    /** Return data as the contract would produce it, encoded by the SDK itself. */
    private static byte[] returned(Type<?>... values) {
        return FunctionEncoder.encodeConstructor(List.of(values));
    }

    private static Uint256 uint(long value) {
        return new Uint256(BigInteger.valueOf(value));
    }

    @Test
    void decodesAClosedCase() {
        byte[] output = returned(new Utf8String("Process_Permit:3:abc"), uint(3), new Bytes32(hash(7)),
            new Uint8(2), new Utf8String("approved"), uint(5));
        var record = facades.cases().decodeCase(output).orElseThrow();
        assertThat(record).extracting("processDefinitionId", "processVersion", "state", "outcome", "stepCount")
            .containsExactly("Process_Permit:3:abc", 3L, CaseState.CLOSED, "approved", 5L);
        assertThat(record.applicantDataHash()).isEqualTo(hash(7));
    }

    @Test
    void decodesACaseNeverOpenedAsEmpty() {
        byte[] output = returned(new Utf8String(""), uint(0), new Bytes32(new byte[32]), new Uint8(0),
            new Utf8String(""), uint(0));
        assertThat(facades.cases().decodeCase(output)).isEmpty();
    }

    @Test
    void decodesARecordedStepAndAMissingOne() {
        byte[] output = returned(new Uint8(1), new Bytes32(hash(9)), uint(2), uint(1_700_000_000_000L), new Address(ISSUER));
        var step = facades.cases().decodeStep(output).orElseThrow();
        assertThat(step).extracting("kind", "sequence", "recordedAt", "recordedBy")
            .containsExactly(StepKind.AUTOMATIC, 2L, 1_700_000_000_000L, ISSUER);
        assertThat(step.resultHash()).isEqualTo(hash(9));
        byte[] missing = returned(new Uint8(0), new Bytes32(new byte[32]), uint(0), uint(0), new Address(BigInteger.ZERO));
        assertThat(facades.cases().decodeStep(missing)).isEmpty();
    }

    @Test
    void decodesASignedDecision() {
        byte[] output = returned(new Utf8String("official-7"), new DynamicBytes(hash(4)), new Uint8(3),
            new Bytes32(hash(5)), new DynamicBytes(new byte[] {1, 2, 3}), uint(42));
        var decision = facades.decisions().decodeDecision(output).orElseThrow();
        assertThat(decision.decision()).isEqualTo(Decision.RETURN_FOR_CORRECTION);
        assertThat(decision.approverId()).isEqualTo("official-7");
        assertThat(decision.approverPublicKey()).isEqualTo(hash(4));
        assertThat(decision.payloadHash()).isEqualTo(hash(5));
        assertThat(decision.signature()).containsExactly(1, 2, 3);
        assertThat(decision.recordedAt()).isEqualTo(42L);
    }

    @Test
    void decodesADefinitionAnchor() {
        byte[] output = returned(new Bytes32(hash(1)), new Bytes32(hash(2)), uint(10), new Address(ISSUER));
        var anchor = facades.definitions().decodeAnchor(output).orElseThrow();
        assertThat(anchor.bpmnHash()).isEqualTo(hash(1));
        assertThat(anchor.automationMapHash()).isEqualTo(hash(2));
        assertThat(anchor).extracting("anchoredAt", "anchoredBy").containsExactly(10L, ISSUER);
    }

    @Test
    void decodesDocumentEvidence() {
        byte[] output = returned(new Bool(true), new Address(ISSUER), new Utf8String("公安局"),
            new Utf8String("id-card"), uint(11), new Bool(false));
        assertThat(facades.evidence().decodeEvidence(output))
            .isEqualTo(new DocumentEvidenceContract.EvidenceRecord(true, ISSUER, "公安局", "id-card", 11L, false));
    }

    @Test
    void decodesLicenseStatusAndRevocationReason() {
        byte[] output = returned(new Bool(false), new Utf8String("business"), new Address(ISSUER), uint(1), uint(2),
            new Bool(true));
        assertThat(facades.licenses().decodeLicenseStatus(output))
            .isEqualTo(new LicenseRegistryContract.LicenseStatus(false, "business", ISSUER, 1L, 2L, true));
        assertThat(facades.licenses().decodeRevocationReason(returned(new Utf8String("fraud")))).isEqualTo("fraud");
    }

    @Test
    void decodesInvoiceStatusAndSettlement() {
        byte[] output = returned(new Uint8(3), new Bool(true), new Address(ISSUER), uint(10600), uint(600), uint(7));
        assertThat(facades.invoices().decodeStatus(output)).isEqualTo(new InvoiceRegistryContract.InvoiceStatus(
            InvoiceRegistryContract.State.REVERSED, true, ISSUER, 10600L, 600L, 7L));
        assertThat(facades.invoices().decodeSettlement(returned(new Utf8String("R-1"), new Utf8String(""),
            new Utf8String(""), uint(0)))).isEqualTo(new InvoiceRegistryContract.Settlement("R-1", "", "", 0L));
    }

    @Test
    void decodesEligibilityResultsCriteriaAndRuleVersion() {
        var rule = facades.rule();
        assertThat(rule.decodeResult(returned(new Bool(true), uint(4))))
            .isEqualTo(new EligibilityRuleContract.EligibilityResult(true, 4L));
        assertThat(rule.decodeCriterion(returned(uint(18), uint(65), new Bool(true))))
            .contains(new EligibilityRuleContract.CriterionBounds(BigInteger.valueOf(18), BigInteger.valueOf(65)));
        assertThat(rule.decodeCriterion(returned(uint(0), uint(0), new Bool(false)))).isEmpty();
        assertThat(rule.decodeRuleVersion(returned(uint(9)))).isEqualTo(9L);
    }

    @Test
    void decodesInheritedAccessQueries() {
        var access = facades.licenses();
        assertThat(access.decodeIsWriter(returned(new Bool(true)))).isTrue();
        assertThat(access.decodeAdmin(returned(new Address(ISSUER)))).isEqualTo(ISSUER);
        assertThat(access.decodeDepartmentOf(returned(new Utf8String("民政局")))).isEqualTo("民政局");
    }

    @Test
    void rejectsEmptyOutputNamingTheFunction() {
        assertThatThrownBy(() -> facades.cases().decodeCase(new byte[0]))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("getCase");
    }

    @Test
    void encodesArgumentsInDeclarationOrder() {
        byte[] data = facades.cases().openCase("case-1", "Process_Permit:3:abc", 3, hash(6));
        List<TypeReference<?>> inputs = List.of(TypeReference.create(Utf8String.class),
            TypeReference.create(Utf8String.class), TypeReference.create(Uint256.class), TypeReference.create(Bytes32.class));
        List<Type> decoded = new FunctionReturnDecoder()
            .decode(Hex.toHexString(Arrays.copyOfRange(data, 4, data.length)), Utils.convert(inputs));
        assertThat(decoded).containsExactly(new Utf8String("case-1"), new Utf8String("Process_Permit:3:abc"),
            uint(3), new Bytes32(hash(6)));
    }
}
