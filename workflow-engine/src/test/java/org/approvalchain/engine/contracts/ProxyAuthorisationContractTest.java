package org.approvalchain.engine.contracts;

import static org.approvalchain.engine.contracts.TestChain.filled;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.approvalchain.contracts.AbiCodec;
import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.contracts.ProxyAuthorisationContract;
import org.approvalchain.contracts.ProxyAuthorisationContract.Authorisation;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProxyAuthorisationContractTest {

    private static final byte[] ID = filled(1);
    private static final byte[] PRINCIPAL = filled(2);
    private static final byte[] AGENT = filled(3);
    private static final byte[] SIGNATURE = filled(4);
    private static final long DAY = 86_400_000L;

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void authorisesTheAgentForTheCoveredServicesWithinThePeriodUntilRevoked(ChainCrypto crypto) {
        ProxyAuthorisationContract proxy = new ProxyAuthorisationContract(new AbiCodec(crypto));
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(proxy, "government-service-center");
            long from = chain.now() - DAY;
            long until = chain.now() + 30 * DAY;
            TransactionReceipt granted = chain.ok(chain.department, at,
                    proxy.grant(ID, PRINCIPAL, AGENT, "food-business-licence,building-permit", from, until, SIGNATURE));
            assertThat(proxy.authorisationGranted(granted.logs().get(0).topics(), granted.logs().get(0).data())).get()
                    .satisfies(e -> {
                        assertThat(e.id()).isEqualTo(ID);
                        assertThat(e.principalHash()).isEqualTo(PRINCIPAL);
                        assertThat(e.agentHash()).isEqualTo(AGENT);
                        assertThat(e.scope()).isEqualTo("food-business-licence,building-permit");
                        assertThat(e.validFrom()).isEqualTo(from);
                        assertThat(e.validUntil()).isEqualTo(until);
                        assertThat(e.signatureHash()).isEqualTo(SIGNATURE);
                    });

            for (String service : new String[] {"food-business-licence", "building-permit"}) {
                for (long time : new long[] {from, from + DAY, until}) {
                    assertThat(proxy.decodeIsAuthorised(chain.read(at, proxy.isAuthorised(ID, PRINCIPAL, AGENT, service, time))))
                            .as("%s at %d", service, time).isTrue();
                }
            }
            assertThat(chain.readReverts(at, proxy.isAuthorised(ID, PRINCIPAL, AGENT, "food-business-licence", from - 1)))
                    .isEqualTo("ProxyAuthorisation: authorisation not yet valid");
            assertThat(chain.readReverts(at, proxy.isAuthorised(ID, PRINCIPAL, AGENT, "food-business-licence", until + 1)))
                    .isEqualTo("ProxyAuthorisation: authorisation expired");
            assertThat(chain.readReverts(at, proxy.isAuthorised(ID, PRINCIPAL, AGENT, "food-business", from)))
                    .isEqualTo("ProxyAuthorisation: service out of scope");
            assertThat(chain.readReverts(at, proxy.isAuthorised(ID, PRINCIPAL, AGENT, "food-business-licence,building-permit", from)))
                    .isEqualTo("ProxyAuthorisation: service out of scope");
            assertThat(chain.readReverts(at, proxy.isAuthorised(ID, PRINCIPAL, filled(9), "building-permit", from)))
                    .isEqualTo("ProxyAuthorisation: not an authorisation between these parties");
            assertThat(chain.readReverts(at, proxy.isAuthorised(ID, AGENT, PRINCIPAL, "building-permit", from)))
                    .isEqualTo("ProxyAuthorisation: not an authorisation between these parties");
            assertThat(chain.readReverts(at, proxy.isAuthorised(filled(8), PRINCIPAL, AGENT, "building-permit", from)))
                    .isEqualTo("ProxyAuthorisation: unknown authorisation");

            TransactionReceipt acted = chain.ok(chain.department, at,
                    proxy.recordAction(ID, PRINCIPAL, AGENT, "building-permit", "action-1", "start", "case-1"));
            assertThat(proxy.actionRecorded(acted.logs().get(0).topics(), acted.logs().get(0).data())).get()
                    .satisfies(e -> {
                        assertThat(e.id()).isEqualTo(ID);
                        assertThat(e.actionKey()).isEqualTo("action-1");
                        assertThat(e.service()).isEqualTo("building-permit");
                        assertThat(e.action()).isEqualTo("start");
                        assertThat(e.caseId()).isEqualTo("case-1");
                    });
            assertThat(chain.reverts(chain.department, at,
                    proxy.recordAction(ID, PRINCIPAL, AGENT, "building-permit", "action-1", "read", "case-1")))
                    .isEqualTo("ProxyAuthorisation: action already recorded");
            assertThat(chain.reverts(chain.department, at,
                    proxy.recordAction(ID, PRINCIPAL, AGENT, "tax-refund", "action-2", "start", "case-2")))
                    .isEqualTo("ProxyAuthorisation: service out of scope");
            Authorisation kept = proxy.decodeAuthorisation(chain.read(at, proxy.getAuthorisation(ID)));
            assertThat(kept.actions()).isEqualTo(1);
            assertThat(kept.revoked()).isFalse();
            assertThat(kept.scope()).isEqualTo("food-business-licence,building-permit");
            assertThat(kept.grantedAt()).isPositive();

            TransactionReceipt revoked = chain.ok(chain.department, at, proxy.revoke(ID, filled(5)));
            assertThat(proxy.authorisationRevoked(revoked.logs().get(0).topics(), revoked.logs().get(0).data())).get()
                    .satisfies(e -> assertThat(e.revocationHash()).isEqualTo(filled(5)));
            assertThat(chain.readReverts(at, proxy.isAuthorised(ID, PRINCIPAL, AGENT, "building-permit", from + DAY)))
                    .isEqualTo("ProxyAuthorisation: authorisation revoked");
            assertThat(chain.reverts(chain.department, at,
                    proxy.recordAction(ID, PRINCIPAL, AGENT, "building-permit", "action-3", "read", "case-1")))
                    .isEqualTo("ProxyAuthorisation: authorisation revoked");
            assertThat(chain.reverts(chain.department, at, proxy.revoke(ID, filled(6))))
                    .isEqualTo("ProxyAuthorisation: already revoked");
            assertThat(proxy.decodeAuthorisation(chain.read(at, proxy.getAuthorisation(ID))).revoked()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void recordsActionsOnlyAtChainTimeWithinThePeriod(ChainCrypto crypto) {
        ProxyAuthorisationContract proxy = new ProxyAuthorisationContract(new AbiCodec(crypto));
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(proxy, "dept");
            long now = chain.now();
            chain.ok(chain.department, at, proxy.grant(filled(1), PRINCIPAL, AGENT, "a", now - 2 * DAY, now - DAY, SIGNATURE));
            chain.ok(chain.department, at, proxy.grant(filled(2), PRINCIPAL, AGENT, "a", now + DAY, now + 2 * DAY, SIGNATURE));
            assertThat(chain.reverts(chain.department, at, proxy.recordAction(filled(1), PRINCIPAL, AGENT, "a", "k1", "start", "c")))
                    .isEqualTo("ProxyAuthorisation: authorisation expired");
            assertThat(chain.reverts(chain.department, at, proxy.recordAction(filled(2), PRINCIPAL, AGENT, "a", "k2", "start", "c")))
                    .isEqualTo("ProxyAuthorisation: authorisation not yet valid");
            assertThat(chain.reverts(chain.department, at, proxy.recordAction(filled(3), PRINCIPAL, AGENT, "a", "k3", "start", "c")))
                    .isEqualTo("ProxyAuthorisation: unknown authorisation");
        }
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void rejectsMalformedAuthorisationsAndUnauthorisedCallers(ChainCrypto crypto) {
        ProxyAuthorisationContract proxy = new ProxyAuthorisationContract(new AbiCodec(crypto));
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(proxy, "dept");
            long now = chain.now();
            assertThat(chain.reverts(chain.department, at, proxy.grant(new byte[32], PRINCIPAL, AGENT, "a", now, now + DAY, SIGNATURE)))
                    .isEqualTo("ProxyAuthorisation: empty id");
            assertThat(chain.reverts(chain.department, at, proxy.grant(ID, new byte[32], AGENT, "a", now, now + DAY, SIGNATURE)))
                    .isEqualTo("ProxyAuthorisation: empty party hash");
            assertThat(chain.reverts(chain.department, at, proxy.grant(ID, PRINCIPAL, PRINCIPAL, "a", now, now + DAY, SIGNATURE)))
                    .isEqualTo("ProxyAuthorisation: principal and agent are the same");
            assertThat(chain.reverts(chain.department, at, proxy.grant(ID, PRINCIPAL, AGENT, "a", now, now, SIGNATURE)))
                    .isEqualTo("ProxyAuthorisation: validity ends before it starts");
            assertThat(chain.reverts(chain.department, at, proxy.grant(ID, PRINCIPAL, AGENT, "a", now, now + DAY, new byte[32])))
                    .isEqualTo("ProxyAuthorisation: empty signature hash");
            assertThat(chain.reverts(chain.department, at, proxy.grant(ID, PRINCIPAL, AGENT, "", now, now + DAY, SIGNATURE)))
                    .isEqualTo("ProxyAuthorisation: empty scope");
            for (String scope : new String[] {"a,", ",a", "a,,b"}) {
                assertThat(chain.reverts(chain.department, at, proxy.grant(ID, PRINCIPAL, AGENT, scope, now, now + DAY, SIGNATURE)))
                        .as(scope).isEqualTo("ProxyAuthorisation: empty service in scope");
            }
            assertThat(chain.reverts(chain.outsider, at, proxy.grant(ID, PRINCIPAL, AGENT, "a", now, now + DAY, SIGNATURE)))
                    .isEqualTo("Access: caller is not a department writer");
            assertThat(chain.reverts(chain.department, at, proxy.revoke(ID, filled(5))))
                    .isEqualTo("ProxyAuthorisation: unknown authorisation");

            chain.ok(chain.department, at, proxy.grant(ID, PRINCIPAL, AGENT, "a", now, now + DAY, SIGNATURE));
            assertThat(chain.reverts(chain.department, at, proxy.grant(ID, PRINCIPAL, AGENT, "b", now, now + DAY, SIGNATURE)))
                    .isEqualTo("ProxyAuthorisation: already granted");
            assertThat(chain.reverts(chain.outsider, at, proxy.revoke(ID, filled(5))))
                    .isEqualTo("Access: caller is not a department writer");
            assertThat(chain.reverts(chain.outsider, at, proxy.recordAction(ID, PRINCIPAL, AGENT, "a", "k", "start", "c")))
                    .isEqualTo("Access: caller is not a department writer");
            assertThat(chain.reverts(chain.department, at, proxy.revoke(ID, new byte[32])))
                    .isEqualTo("ProxyAuthorisation: empty revocation hash");
            assertThat(chain.reverts(chain.department, at, proxy.recordAction(ID, PRINCIPAL, AGENT, "a", "", "start", "c")))
                    .isEqualTo("ProxyAuthorisation: empty action key");
            assertThat(chain.reverts(chain.department, at, proxy.recordAction(ID, PRINCIPAL, AGENT, "a", "k", "", "c")))
                    .isEqualTo("ProxyAuthorisation: empty action");
            assertThat(proxy.decodeAuthorisation(chain.read(at, proxy.getAuthorisation(filled(7)))).grantedAt()).isZero();
        }
    }
}
