package org.approvalchain.engine.contracts;

import static org.approvalchain.engine.contracts.TestChain.filled;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.approvalchain.contracts.AbiCodec;
import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.contracts.ReliefFundContract;
import org.approvalchain.contracts.ReliefFundContract.TrancheDisbursed;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReliefFundContractTest {

    private static final byte[] RECIPIENT = filled(7);

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void paysTranchesInOrderToTheRecipientUpToTheApprovedAmountAndNotOneYuanMore(ChainCrypto crypto) {
        ReliefFundContract fund = new ReliefFundContract(new AbiCodec(crypto));
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(fund, "民政局");
            TransactionReceipt approved = chain.ok(chain.department, at, fund.approveGrant("R-1", RECIPIENT, 3000));
            assertThat(fund.grantApproved(approved.logs().get(0).topics(), approved.logs().get(0).data())).get()
                    .usingRecursiveComparison().isEqualTo(new ReliefFundContract.GrantApproved("R-1", RECIPIENT, 3000));

            TransactionReceipt first = chain.ok(chain.department, at, fund.disburse("R-1", 1, 1200, RECIPIENT));
            assertThat(fund.trancheDisbursed(first.logs().get(0).topics(), first.logs().get(0).data())).get()
                    .usingRecursiveComparison().isEqualTo(new TrancheDisbursed("R-1", 1, 1200, RECIPIENT, 1200, 1800));
            chain.ok(chain.department, at, fund.disburse("R-1", 2, 1200, RECIPIENT));
            assertThat(chain.reverts(chain.department, at, fund.disburse("R-1", 3, 1200, RECIPIENT)))
                    .isEqualTo("ReliefFund: disbursement exceeds the approved amount");
            TransactionReceipt last = chain.ok(chain.department, at, fund.disburse("R-1", 3, 600, RECIPIENT));
            assertThat(fund.trancheDisbursed(last.logs().get(0).topics(), last.logs().get(0).data())).get()
                    .usingRecursiveComparison().isEqualTo(new TrancheDisbursed("R-1", 3, 600, RECIPIENT, 3000, 0));
            assertThat(chain.reverts(chain.department, at, fund.disburse("R-1", 4, 1, RECIPIENT)))
                    .isEqualTo("ReliefFund: disbursement exceeds the approved amount");

            ReliefFundContract.Grant grant = fund.decodeGrant(chain.read(at, fund.grant("R-1")));
            assertThat(grant.recipientHash()).isEqualTo(RECIPIENT);
            assertThat(grant.approved()).isEqualTo(3000);
            assertThat(grant.disbursed()).isEqualTo(3000);
            assertThat(grant.tranches()).isEqualTo(3);
            assertThat(fund.decodeGrant(chain.read(at, fund.grant("R-unknown"))).approved()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void refusesMalformedGrantsWrongTranchesAndUnauthorisedCallers(ChainCrypto crypto) {
        ReliefFundContract fund = new ReliefFundContract(new AbiCodec(crypto));
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(fund, "民政局");
            assertThat(chain.reverts(chain.department, at, fund.approveGrant("", RECIPIENT, 1)))
                    .isEqualTo("ReliefFund: empty case id");
            assertThat(chain.reverts(chain.department, at, fund.approveGrant("R-1", new byte[32], 1)))
                    .isEqualTo("ReliefFund: empty recipient hash");
            assertThat(chain.reverts(chain.department, at, fund.approveGrant("R-1", RECIPIENT, 0)))
                    .isEqualTo("ReliefFund: approved amount is zero");
            assertThat(chain.reverts(chain.outsider, at, fund.approveGrant("R-1", RECIPIENT, 1000)))
                    .isEqualTo("Access: caller is not a department writer");
            assertThat(chain.reverts(chain.department, at, fund.disburse("R-1", 1, 100, RECIPIENT)))
                    .isEqualTo("ReliefFund: no grant approved for this case");

            chain.ok(chain.department, at, fund.approveGrant("R-1", RECIPIENT, 1000));
            assertThat(chain.reverts(chain.department, at, fund.approveGrant("R-1", RECIPIENT, 5000)))
                    .isEqualTo("ReliefFund: grant already approved for this case");
            assertThat(chain.reverts(chain.department, at, fund.disburse("R-1", 2, 100, RECIPIENT)))
                    .isEqualTo("ReliefFund: tranche out of order");
            assertThat(chain.reverts(chain.department, at, fund.disburse("R-1", 1, 0, RECIPIENT)))
                    .isEqualTo("ReliefFund: tranche amount is zero");
            assertThat(chain.reverts(chain.department, at, fund.disburse("R-1", 1, 100, filled(8))))
                    .isEqualTo("ReliefFund: recipient is not the approved recipient");
            assertThat(chain.reverts(chain.outsider, at, fund.disburse("R-1", 1, 100, RECIPIENT)))
                    .isEqualTo("Access: caller is not a department writer");
            chain.ok(chain.department, at, fund.disburse("R-1", 1, 100, RECIPIENT));
            assertThat(chain.reverts(chain.department, at, fund.disburse("R-1", 1, 100, RECIPIENT)))
                    .as("a tranche paid twice").isEqualTo("ReliefFund: tranche out of order");
            assertThat(fund.decodeGrant(chain.read(at, fund.grant("R-1"))).disbursed()).isEqualTo(100);
        }
    }
}
