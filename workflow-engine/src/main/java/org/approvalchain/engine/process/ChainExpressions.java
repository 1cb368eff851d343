package org.approvalchain.engine.process;

import java.util.Date;
import java.util.List;

import org.approvalchain.contracts.EligibilityRuleContract;
import org.approvalchain.engine.chain.EvidenceHash;
import org.approvalchain.engine.chain.Tenders;
import org.springframework.stereotype.Component;
import org.web3j.utils.Numeric;

/**
 * Helpers a process designer can use in input expressions, as {@code ${chain.…}}: for example
 * {@code ${chain.text32('applicant-age')}} for a {@code bytes32} rule criterion, or {@code
 * ${chain.document('property-title', propertyCertificateNo, sellerRef)}} for the hash under which an
 * issuing authority anchors a record in {@code DocumentEvidence}; for a tender, {@code
 * ${chain.time(revealDeadline)}} as a timer's date, the bids it opened and the best-scored one.
 */
@Component("chain")
public class ChainExpressions {

    private final Tenders tenders;

    ChainExpressions(Tenders tenders) {
        this.tenders = tenders;
    }

    /** A short ASCII name as a right-padded {@code bytes32}, 0x-prefixed hex. */
    public String text32(String name) {
        return Numeric.toHexString(EligibilityRuleContract.criterion(name));
    }

    /** The evidence hash of a record ({@link EvidenceHash}). */
    public String document(String type, Object reference, Object holder) {
        return EvidenceHash.of(type, reference, holder);
    }

    /** A chain time (milliseconds since the epoch, as contracts keep it) as the date a timer waits for. */
    public Date time(long chainMillis) {
        return new Date(chainMillis);
    }

    /** The bids of a tender opened on chain ({@code TenderRegistry}), in chain order. */
    public List<String> revealedBids(String tenderId) {
        return tenders.revealedBids(tenderId);
    }

    /** The bid of a tender ranked first by the committee's scores published on chain. */
    public String bestBid(String tenderId) {
        return tenders.bestBid(tenderId);
    }
}
