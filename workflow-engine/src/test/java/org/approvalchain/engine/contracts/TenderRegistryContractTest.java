package org.approvalchain.engine.contracts;

import static org.approvalchain.engine.contracts.TestChain.filled;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.approvalchain.contracts.AbiCodec;
import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.contracts.TenderRegistryContract;
import org.approvalchain.contracts.TenderRegistryContract.Bid;
import org.approvalchain.contracts.TenderRegistryContract.BidRevealed;
import org.approvalchain.contracts.TenderRegistryContract.BidSubmitted;
import org.approvalchain.contracts.TenderRegistryContract.Tender;
import org.approvalchain.contracts.TenderRegistryContract.TenderAwarded;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Block time is wall-clock time (ms) on the embedded chain: the tests set deadlines a moment ahead and wait. */
class TenderRegistryContractTest {

    private static final long WINDOW_MS = 1500;
    private static final byte[] TITLE = filled(1);
    private static final byte[] ALPHA = filled(2);
    private static final byte[] BETA = filled(3);
    private static final byte[] GAMMA = filled(6);
    private static final byte[] SALT_A = filled(4);
    private static final byte[] SALT_B = filled(5);

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void sealsBidsUntilTheDeadlineThenOpensScoresAndAwardsThemInPublic(ChainCrypto crypto) throws Exception {
        TenderRegistryContract tenders = new TenderRegistryContract(new AbiCodec(crypto));
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(tenders, "公共资源交易中心");
            long bidDeadline = chain.now() + WINDOW_MS;
            TransactionReceipt published = chain.ok(chain.department, at,
                    tenders.publish("T-1", TITLE, bidDeadline, bidDeadline + 60_000));
            assertThat(tenders.tenderPublished(published.logs().get(0).topics(), published.logs().get(0).data()))
                    .get().usingRecursiveComparison()
                    .isEqualTo(new TenderRegistryContract.TenderPublished("T-1", TITLE, bidDeadline, bidDeadline + 60_000));

            byte[] sealedA = TenderRegistryContract.sealBid(ALPHA, 980_000, SALT_A);
            assertThat(tenders.decodeCommitmentOf(chain.read(at, tenders.commitmentOf(ALPHA, 980_000, SALT_A))))
                    .as("the commitment computed off chain is the chain's").isEqualTo(sealedA);
            TransactionReceipt submitted = chain.ok(chain.department, at, tenders.submitBid("T-1", "B-1", ALPHA, sealedA));
            assertThat(tenders.bidSubmitted(submitted.logs().get(0).topics(), submitted.logs().get(0).data()))
                    .get().usingRecursiveComparison().isEqualTo(new BidSubmitted("T-1", "B-1", ALPHA, sealedA));
            chain.ok(chain.department, at, tenders.submitBid("T-1", "B-2", BETA, TenderRegistryContract.sealBid(BETA, 1_020_000, SALT_B)));
            chain.ok(chain.department, at, tenders.submitBid("T-1", "B-3", GAMMA, TenderRegistryContract.sealBid(GAMMA, 1_100_000, SALT_B)));
            assertThat(chain.reverts(chain.department, at, tenders.revealBid("T-1", "B-1", 980_000, SALT_A)))
                    .isEqualTo("TenderRegistry: bids stay sealed until the bid deadline");

            waitUntilPast(bidDeadline);
            assertThat(chain.reverts(chain.department, at, tenders.submitBid("T-1", "B-4", BETA, filled(9))))
                    .isEqualTo("TenderRegistry: bidding closed at the bid deadline");
            TransactionReceipt revealed = chain.ok(chain.department, at, tenders.revealBid("T-1", "B-1", 980_000, SALT_A));
            assertThat(tenders.bidRevealed(revealed.logs().get(0).topics(), revealed.logs().get(0).data()))
                    .get().usingRecursiveComparison().isEqualTo(new BidRevealed("T-1", "B-1", 980_000));
            chain.ok(chain.department, at, tenders.revealBid("T-1", "B-2", 1_020_000, SALT_B));

            chain.ok(chain.department, at, tenders.scoreBid("T-1", "B-1", 261, 3));
            chain.ok(chain.department, at, tenders.scoreBid("T-1", "B-2", 240, 3));
            TransactionReceipt awarded = chain.ok(chain.department, at, tenders.award("T-1", "B-1"));
            assertThat(tenders.tenderAwarded(awarded.logs().get(0).topics(), awarded.logs().get(0).data()))
                    .get().usingRecursiveComparison().isEqualTo(new TenderAwarded("T-1", "B-1", ALPHA, 980_000, 261));

            Tender tender = tenders.decodeTender(chain.read(at, tenders.tender("T-1")));
            assertThat(tender.bids()).isEqualTo(3);
            assertThat(tender.revealed()).isEqualTo(2);
            assertThat(tender.awardedBid()).isEqualTo("B-1");
            Bid second = tenders.decodeBid(chain.read(at, tenders.bid("T-1", "B-2")));
            assertThat(second.revealed()).isTrue();
            assertThat(second.price()).isEqualTo(1_020_000);
            assertThat(second.score()).isEqualTo(240);
            assertThat(second.evaluators()).isEqualTo(3);
            assertThat(tenders.decodeBidByCommitment(chain.read(at, tenders.bidByCommitment("T-1", sealedA))))
                    .as("a bidder finds their bid by the commitment they kept").isEqualTo("B-1");
            assertThat(tenders.decodeBidByCommitment(chain.read(at, tenders.bidByCommitment("T-1", filled(9)))))
                    .as("the late bid was not counted").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void refusesMalformedTendersBidsRevealsScoresAndAwards(ChainCrypto crypto) throws Exception {
        TenderRegistryContract tenders = new TenderRegistryContract(new AbiCodec(crypto));
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(tenders, "公共资源交易中心");
            long bidDeadline = chain.now() + WINDOW_MS;
            long revealDeadline = bidDeadline + WINDOW_MS;
            assertThat(chain.reverts(chain.department, at, tenders.publish("", TITLE, bidDeadline, revealDeadline)))
                    .isEqualTo("TenderRegistry: empty tender id");
            assertThat(chain.reverts(chain.department, at, tenders.publish("T-1", new byte[32], bidDeadline, revealDeadline)))
                    .isEqualTo("TenderRegistry: empty title hash");
            assertThat(chain.reverts(chain.department, at, tenders.publish("T-1", TITLE, chain.now() - 1, revealDeadline)))
                    .isEqualTo("TenderRegistry: bid deadline is not in the future");
            assertThat(chain.reverts(chain.department, at, tenders.publish("T-1", TITLE, bidDeadline, bidDeadline)))
                    .isEqualTo("TenderRegistry: reveal deadline is not after the bid deadline");
            assertThat(chain.reverts(chain.outsider, at, tenders.publish("T-1", TITLE, bidDeadline, revealDeadline)))
                    .isEqualTo("Access: caller is not a department writer");
            assertThat(chain.reverts(chain.department, at, tenders.submitBid("T-1", "B-1", ALPHA, filled(8))))
                    .isEqualTo("TenderRegistry: unknown tender");

            chain.ok(chain.department, at, tenders.publish("T-1", TITLE, bidDeadline, revealDeadline));
            chain.ok(chain.department, at, tenders.publish("T-2", TITLE, bidDeadline, revealDeadline));
            chain.ok(chain.department, at, tenders.submitBid("T-2", "B-1", ALPHA, TenderRegistryContract.sealBid(ALPHA, 500, SALT_A)));
            chain.ok(chain.department, at, tenders.submitBid("T-2", "B-2", BETA, TenderRegistryContract.sealBid(BETA, 700, SALT_B)));
            assertThat(chain.reverts(chain.department, at, tenders.publish("T-1", TITLE, bidDeadline, revealDeadline)))
                    .isEqualTo("TenderRegistry: tender already published");
            byte[] sealedA = TenderRegistryContract.sealBid(ALPHA, 500, SALT_A);
            assertThat(chain.reverts(chain.department, at, tenders.submitBid("T-1", "", ALPHA, sealedA)))
                    .isEqualTo("TenderRegistry: empty bid id");
            assertThat(chain.reverts(chain.department, at, tenders.submitBid("T-1", "B-1", new byte[32], sealedA)))
                    .isEqualTo("TenderRegistry: empty bidder hash");
            assertThat(chain.reverts(chain.department, at, tenders.submitBid("T-1", "B-1", ALPHA, new byte[32])))
                    .isEqualTo("TenderRegistry: empty commitment");
            assertThat(chain.reverts(chain.outsider, at, tenders.submitBid("T-1", "B-1", ALPHA, sealedA)))
                    .isEqualTo("Access: caller is not a department writer");
            chain.ok(chain.department, at, tenders.submitBid("T-1", "B-1", ALPHA, sealedA));
            assertThat(chain.reverts(chain.department, at, tenders.submitBid("T-1", "B-1", BETA, filled(8))))
                    .isEqualTo("TenderRegistry: bid id already used");
            assertThat(chain.reverts(chain.department, at, tenders.submitBid("T-1", "B-2", BETA, sealedA)))
                    .as("a copied commitment").isEqualTo("TenderRegistry: commitment already submitted");
            chain.ok(chain.department, at, tenders.submitBid("T-1", "B-2", BETA, TenderRegistryContract.sealBid(BETA, 700, SALT_B)));
            chain.ok(chain.department, at, tenders.submitBid("T-1", "B-3", BETA, filled(8)));
            assertThat(chain.reverts(chain.department, at, tenders.scoreBid("T-1", "B-1", 90, 1)))
                    .isEqualTo("TenderRegistry: only a revealed bid can be scored");

            waitUntilPast(bidDeadline);
            assertThat(chain.reverts(chain.department, at, tenders.revealBid("T-2", "B-1", 500, SALT_A)))
                    .as("two bids: no opening, re-tender").isEqualTo("TenderRegistry: fewer than 3 bids, the tender may not be opened");
            assertThat(chain.reverts(chain.department, at, tenders.revealBid("T-1", "B-9", 500, SALT_A)))
                    .isEqualTo("TenderRegistry: unknown bid");
            assertThat(chain.reverts(chain.department, at, tenders.revealBid("T-1", "B-1", 499, SALT_A)))
                    .as("another price").isEqualTo("TenderRegistry: reveal does not match the commitment");
            assertThat(chain.reverts(chain.department, at, tenders.revealBid("T-1", "B-1", 500, SALT_B)))
                    .as("another salt").isEqualTo("TenderRegistry: reveal does not match the commitment");
            assertThat(chain.reverts(chain.outsider, at, tenders.revealBid("T-1", "B-1", 500, SALT_A)))
                    .isEqualTo("Access: caller is not a department writer");
            chain.ok(chain.department, at, tenders.revealBid("T-1", "B-1", 500, SALT_A));
            assertThat(chain.reverts(chain.department, at, tenders.revealBid("T-1", "B-1", 500, SALT_A)))
                    .isEqualTo("TenderRegistry: bid already revealed");
            assertThat(chain.reverts(chain.department, at, tenders.award("T-1", "B-1")))
                    .isEqualTo("TenderRegistry: only a scored bid can be awarded");
            assertThat(chain.reverts(chain.department, at, tenders.scoreBid("T-1", "B-1", 90, 0)))
                    .isEqualTo("TenderRegistry: no evaluators");
            assertThat(chain.reverts(chain.outsider, at, tenders.scoreBid("T-1", "B-1", 90, 3)))
                    .isEqualTo("Access: caller is not a department writer");
            chain.ok(chain.department, at, tenders.scoreBid("T-1", "B-1", 90, 3));
            assertThat(chain.reverts(chain.department, at, tenders.scoreBid("T-1", "B-1", 95, 3)))
                    .isEqualTo("TenderRegistry: bid already scored");
            assertThat(chain.reverts(chain.outsider, at, tenders.award("T-1", "B-1")))
                    .isEqualTo("Access: caller is not a department writer");
            chain.ok(chain.department, at, tenders.award("T-1", "B-1"));
            assertThat(chain.reverts(chain.department, at, tenders.award("T-1", "B-1")))
                    .isEqualTo("TenderRegistry: tender already awarded");

            waitUntilPast(revealDeadline);
            assertThat(chain.reverts(chain.department, at, tenders.revealBid("T-1", "B-2", 700, SALT_B)))
                    .isEqualTo("TenderRegistry: reveal period has ended");
            assertThat(chain.reverts(chain.department, at, tenders.scoreBid("T-1", "B-2", 80, 3)))
                    .isEqualTo("TenderRegistry: tender already awarded");
            assertThat(tenders.decodeBid(chain.read(at, tenders.bid("T-1", "B-2"))).revealed()).isFalse();
        }
    }

    /** Waits until the next block is sealed after {@code deadline}: block time is wall-clock time. */
    private static void waitUntilPast(long deadline) throws InterruptedException {
        while (System.currentTimeMillis() <= deadline) {
            Thread.sleep(50);
        }
    }
}
