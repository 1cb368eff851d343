package org.approvalchain.engine.api;

import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.approvalchain.engine.chain.Tenders;
import org.approvalchain.engine.process.CaseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.web3j.utils.Numeric;

/**
 * The public bid check (投标核验, "was my bid counted"): a bidder asks the chain, without logging
 * in, by tender, bid id and the commitment they sealed their bid with, when it was submitted (block
 * and chain time), whether it was opened, its committee score and whether it was awarded. Without
 * the commitment nothing is answered, and the bidder's identity never is.
 */
@Tag(name = "Public")
@RestController
class TenderCheckController {

    private static final int MAX_ID = 100;
    private static final Pattern COMMITMENT = Pattern.compile("0x[0-9a-fA-F]{64}");

    private final Tenders tenders;

    TenderCheckController(Tenders tenders) {
        this.tenders = tenders;
    }

    @Operation(summary = "Check that a sealed bid was counted",
            description = "No login: a bid from TenderRegistry by tender, bid id and the commitment it was sealed with: "
                    + "submitted (chain time, block, transaction), opened (and its price), the committee's score with "
                    + "the number of signed evaluations it combines, whether the tender is awarded and to this bid; "
                    + "never the bidder.",
            parameters = {@Parameter(name = "tenderId", description = "the tender, i.e. the case id of its public-tendering case"),
                    @Parameter(name = "bidId", description = "the bid, i.e. the case id of its tender-bid case"),
                    @Parameter(name = "commitment", description = "the commitment the bid was sealed with, 0x and 64 hex digits")})
    @Refusals({"TENDER-001", "TENDER-002", "API-503"})
    @GetMapping("/api/public/tenders/{tenderId}/bids/{bidId}")
    Tenders.CountedBid check(@PathVariable String tenderId, @PathVariable String bidId, @RequestParam String commitment) {
        if (!isId(tenderId) || !isId(bidId) || !COMMITMENT.matcher(commitment).matches()) {
            throw new IllegalArgumentException("TENDER-002 a tender id and a bid id have 1 to " + MAX_ID
                    + " characters and the commitment is 0x and 64 hex digits");
        }
        return tenders.find(tenderId, bidId, Numeric.hexStringToByteArray(commitment)).orElseThrow(() -> new CaseException(
                CaseException.Kind.NOT_FOUND, "TENDER-001 no bid " + bidId + " of tender " + tenderId
                + " was submitted with this commitment"));
    }

    private static boolean isId(String id) {
        return !id.isBlank() && id.length() <= MAX_ID;
    }
}
