package org.approvalchain.engine.legal.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Expressions are data: what the reference models need passes, anything that reaches for code does not. */
class ExpressionPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"${caseId}", "${decision == 'APPROVE'}", "${taxPaid && !titleVerified}",
        "${submittedAt + 157680000000}", "${!materialsComplete || nameTaken}", "${a > 1 ? 'x' : 'y'}",
        "${chain.text32('applicant-age')}", "${chain.document('property-title', propertyCertificateNo, sellerRef)}",
        "${execution.getVariable('route') == 'corrections'}", "${contractStep}", "licence ${caseId} issued",
        "${currentUser()}", "#{empty x}", "P3D"})
    void allowsData(String expression) {
        assertThat(ExpressionPolicy.problemOf(expression)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"${''.getClass().forName('java.lang.Runtime').getRuntime().exec('touch /tmp/pwned')}",
        "${execution.getProcessEngineServices().getRuntimeService()}", "${chain.getClass()}", "${runtimeService.createProcessInstanceQuery()}",
        "${execution.processEngineServices}", "${x['class']}", "${fn:exec('id')}", "${chain.text32('a').getBytes()}",
        "#{''.class}", "${unclosed"})
    void refusesCode(String expression) {
        assertThat(ExpressionPolicy.problemOf(expression)).isPresent();
    }
}
