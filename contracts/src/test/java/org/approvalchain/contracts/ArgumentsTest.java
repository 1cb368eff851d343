package org.approvalchain.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.approvalchain.contracts.CaseLedgerContract.StepKind;
import org.junit.jupiter.api.Test;

class ArgumentsTest {
    private final Facades facades = Facades.of(ChainCrypto.ECDSA);

    @Test
    void rejectsABytes32ArgumentOfAnotherLengthNamingTheParameter() {
        assertThatThrownBy(() -> facades.cases().openCase("c", "p", 1, new byte[31]))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("applicantDataHash").hasMessageContaining("31 bytes");
        assertThatThrownBy(() -> facades.cases().recordStep("c", "p", 1, new byte[32], "a", StepKind.AUTOMATIC, new byte[33]))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resultHash");
        assertThatThrownBy(() -> facades.evidence().verify(null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("documentHash");
    }

    @Test
    void turnsAShortAsciiNameIntoARightPaddedCriterion() {
        byte[] criterion = EligibilityRuleContract.criterion("age");
        assertThat(criterion).hasSize(32);
        assertThat(Arrays.copyOf(criterion, 3)).isEqualTo("age".getBytes(StandardCharsets.US_ASCII));
        assertThat(Arrays.copyOfRange(criterion, 3, 32)).containsOnly(0);
        assertThat(EligibilityRuleContract.criterion("x".repeat(32))).hasSize(32);
    }

    @Test
    void rejectsCriterionNamesLongerThan32BytesEmptyOrNotAscii() {
        assertThatThrownBy(() -> EligibilityRuleContract.criterion("x".repeat(33)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32");
        assertThatThrownBy(() -> EligibilityRuleContract.criterion("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EligibilityRuleContract.criterion("年龄")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsMalformedAddressesNamingTheParameter() {
        assertThatThrownBy(() -> facades.cases().grantWriter("0x1234", "民政局"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("account");
        assertThatThrownBy(() -> facades.cases().transferAdmin(null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("newAdmin");
    }

    @Test
    void rejectsNegativeOrOversizedUnsignedIntegers() {
        byte[] criterion = EligibilityRuleContract.criterion("age");
        assertThatThrownBy(() -> facades.definitions().getAnchor("k", -1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> facades.rule().check(criterion, BigInteger.TWO.pow(256)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value");
    }

    @Test
    void deploysWithTheCompiledBytecodeOfItsKindOfChain() {
        var smLedger = Facades.of(ChainCrypto.SM).cases();
        assertThat(smLedger.artifact().name()).isEqualTo(CaseLedgerContract.NAME);
        assertThat(smLedger.deploymentData()).isEqualTo(ContractArtifact.load("CaseLedger", ChainCrypto.SM).bytecode());
        assertThat(smLedger.deploymentData()).isNotEqualTo(facades.cases().deploymentData());
    }
}
