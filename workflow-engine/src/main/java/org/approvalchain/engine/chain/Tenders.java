package org.approvalchain.engine.chain;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.approvalchain.contracts.TenderRegistryContract;
import org.approvalchain.contracts.TenderRegistryContract.Bid;
import org.approvalchain.contracts.TenderRegistryContract.BidScored;
import org.approvalchain.contracts.TenderRegistryContract.Tender;
import org.approvalchain.engine.ledger.CallResult;
import org.approvalchain.engine.ledger.EventLog;
import org.approvalchain.engine.ledger.Ledger;
import org.springframework.stereotype.Component;

/**
 * Public tenders as {@code TenderRegistry} holds them: the bids a tender opened, the best-scored
 * bid, and for a bidder who kept their commitment, what became of their bid (submitted when and in
 * which block, opened, scored, awarded). The bidder's hash is never part of an answer.
 */
@Component
public class Tenders {

    private final Ledger ledger;
    private final Contracts contracts;
    private final TenderRegistryContract registry;

    Tenders(Ledger ledger, Contracts contracts) {
        this.ledger = ledger;
        this.contracts = contracts;
        this.registry = new TenderRegistryContract(contracts.codec());
    }

    /**
     * A bid as its bidder may check it; times are chain time as instants.
     *
     * @param price the revealed price, null while sealed
     * @param score the committee's score, null before it was published; {@code evaluations} how many signed evaluations it combines
     * @param tenderAwarded whether the tender is awarded (to this bid or another)
     */
    public record CountedBid(String tenderId, String bidId, Instant submittedAt, long submittedInBlock,
                             String submitTxHash, boolean revealed, Long price, Long score, long evaluations,
                             boolean awarded, boolean tenderAwarded) {
    }

    /** The bid {@code bidId} of the tender, if it was submitted with exactly this commitment; empty otherwise. */
    public Optional<CountedBid> find(String tenderId, String bidId, byte[] commitment) {
        Bid bid = registry.decodeBid(read(registry.bid(tenderId, bidId)));
        if (bid.submittedAt() == 0 || !Arrays.equals(bid.commitment(), commitment)) {
            return Optional.empty();
        }
        Tender tender = tender(tenderId);
        Optional<EventLog> submitted = events().filter(log -> registry.bidSubmitted(log.topics(), log.data())
                .filter(s -> s.tenderId().equals(tenderId) && s.bidId().equals(bidId)).isPresent()).findFirst();
        return Optional.of(new CountedBid(tenderId, bidId, Instant.ofEpochMilli(bid.submittedAt()),
                submitted.map(EventLog::blockNumber).orElse(-1L), submitted.map(EventLog::transactionHash).orElse(null),
                bid.revealed(), bid.revealed() ? bid.price() : null, bid.evaluators() > 0 ? bid.score() : null,
                bid.evaluators(), bidId.equals(tender.awardedBid()), !tender.awardedBid().isEmpty()));
    }

    /** The bids of the tender opened so far (their reveal matched the commitment), in chain order. */
    public List<String> revealedBids(String tenderId) {
        return events().flatMap(log -> registry.bidRevealed(log.topics(), log.data()).stream())
                .filter(revealed -> revealed.tenderId().equals(tenderId)).map(revealed -> revealed.bidId()).toList();
    }

    /**
     * The bid ranked first by the committee's published scores: the highest score, then the lower
     * price, then the earlier score on chain.
     *
     * @throws IllegalStateException (TENDER-101) when no bid of the tender is scored
     */
    public String bestBid(String tenderId) {
        List<BidScored> scored = events().flatMap(log -> registry.bidScored(log.topics(), log.data()).stream())
                .filter(s -> s.tenderId().equals(tenderId)).toList();
        return scored.stream()
                .min(Comparator.comparingLong((BidScored s) -> -s.score())
                        .thenComparingLong(s -> registry.decodeBid(read(registry.bid(tenderId, s.bidId()))).price()))
                .map(BidScored::bidId)
                .orElseThrow(() -> new IllegalStateException("TENDER-101 no bid of tender " + tenderId + " is scored on chain"));
    }

    private Tender tender(String tenderId) {
        return registry.decodeTender(read(registry.tender(tenderId)));
    }

    private Stream<EventLog> events() {
        return ledger.events(contracts.address(TenderRegistryContract.NAME), 0, ledger.status().blockNumber()).stream();
    }

    private byte[] read(byte[] call) {
        CallResult result = contracts.read(TenderRegistryContract.NAME, call);
        if (!result.succeeded()) {
            throw new IllegalStateException("TENDER-102 reading TenderRegistry failed: " + result.revertReason());
        }
        return result.output();
    }
}
