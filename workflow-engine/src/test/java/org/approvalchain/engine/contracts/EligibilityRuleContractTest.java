package org.approvalchain.engine.contracts;

import static org.approvalchain.contracts.EligibilityRuleContract.criterion;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;

import org.approvalchain.contracts.AbiCodec;
import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.contracts.EligibilityRuleContract.EligibilityResult;
import org.approvalchain.contracts.EligibilityRuleContract;
import org.approvalchain.engine.ledger.CallResult;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EligibilityRuleContractTest {

    private static final byte[] AGE = criterion("applicant-age");
    private static final BigInteger MIN = BigInteger.valueOf(18);
    private static final BigInteger MAX = BigInteger.valueOf(65);

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void evaluatesValuesAgainstVersionedBoundsLikeCheck(ChainCrypto crypto) {
        EligibilityRuleContract rule = new EligibilityRuleContract(new AbiCodec(crypto));
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(rule, "人力资源和社会保障局");
            assertThat(rule.decodeRuleVersion(chain.read(at, rule.ruleVersion()))).isZero();
            TransactionReceipt set = chain.ok(chain.admin, at, rule.setCriterion(AGE, BigInteger.ONE, MAX));
            assertThat(rule.criterionSet(set.logs().get(0).topics(), set.logs().get(0).data())).get()
                    .satisfies(e -> {
                        assertThat(e.criterion()).isEqualTo(AGE);
                        assertThat(e.ruleVersion()).isEqualTo(1);
                    });
            chain.ok(chain.admin, at, rule.setCriterion(AGE, MIN, MAX));
            assertThat(rule.decodeRuleVersion(chain.read(at, rule.ruleVersion()))).isEqualTo(2);
            assertThat(rule.decodeCriterion(chain.read(at, rule.getCriterion(AGE)))).get()
                    .isEqualTo(new EligibilityRuleContract.CriterionBounds(MIN, MAX));

            assertThat(check(chain, rule, at, MIN)).isEqualTo(new EligibilityResult(true, 2));
            assertThat(check(chain, rule, at, MAX)).isEqualTo(new EligibilityResult(true, 2));
            assertThat(check(chain, rule, at, MIN.subtract(BigInteger.ONE))).isEqualTo(new EligibilityResult(false, 2));
            assertThat(check(chain, rule, at, MAX.add(BigInteger.ONE))).isEqualTo(new EligibilityResult(false, 2));

            TransactionReceipt evaluated = chain.ok(chain.department, at, rule.evaluate("case-1", AGE, BigInteger.valueOf(30)));
            assertThat(rule.decodeResult(evaluated.output())).isEqualTo(check(chain, rule, at, BigInteger.valueOf(30)));
            assertThat(rule.evaluated(evaluated.logs().get(0).topics(), evaluated.logs().get(0).data())).get()
                    .satisfies(e -> {
                        assertThat(e.caseId()).isEqualTo("case-1");
                        assertThat(e.criterion()).isEqualTo(AGE);
                        assertThat(e.value()).isEqualTo(30);
                        assertThat(e.eligible()).isTrue();
                        assertThat(e.ruleVersion()).isEqualTo(2);
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void rejectsUnknownOrMalformedCriteriaAndUnauthorisedCallers(ChainCrypto crypto) {
        EligibilityRuleContract rule = new EligibilityRuleContract(new AbiCodec(crypto));
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(rule, "dept");
            CallResult unknown = chain.ledger.call(chain.outsider.address(), at, rule.check(AGE, MIN));
            assertThat(unknown.succeeded()).isFalse();
            assertThat(unknown.revertReason()).isEqualTo("EligibilityRule: unknown criterion");
            assertThat(chain.reverts(chain.department, at, rule.evaluate("case-1", AGE, MIN)))
                    .isEqualTo("EligibilityRule: unknown criterion");
            assertThat(rule.decodeCriterion(chain.read(at, rule.getCriterion(AGE)))).isEmpty();

            assertThat(chain.reverts(chain.department, at, rule.setCriterion(AGE, MIN, MAX)))
                    .isEqualTo("Access: caller is not the admin");
            assertThat(chain.reverts(chain.admin, at, rule.setCriterion(new byte[32], MIN, MAX)))
                    .isEqualTo("EligibilityRule: empty criterion");
            assertThat(chain.reverts(chain.admin, at, rule.setCriterion(AGE, MAX, MIN)))
                    .isEqualTo("EligibilityRule: min exceeds max");
            assertThat(rule.decodeRuleVersion(chain.read(at, rule.ruleVersion()))).isZero();

            chain.ok(chain.admin, at, rule.setCriterion(AGE, MIN, MAX));
            assertThat(chain.reverts(chain.outsider, at, rule.evaluate("case-1", AGE, MIN)))
                    .isEqualTo("Access: caller is not a department writer");
        }
    }

    private static EligibilityResult check(TestChain chain, EligibilityRuleContract rule, String at, BigInteger value) {
        return rule.decodeResult(chain.read(at, rule.check(AGE, value)));
    }
}
