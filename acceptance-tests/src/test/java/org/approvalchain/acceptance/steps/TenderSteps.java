package org.approvalchain.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.approvalchain.acceptance.RunningEngine;
import org.approvalchain.contracts.TenderRegistryContract;
import org.approvalchain.engine.crypto.CanonicalJson;
import org.approvalchain.engine.crypto.Sm3;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.Reply;
import org.web3j.utils.Numeric;

/**
 * Public tendering (项目招标): the tender published on chain, sealed bids handed in by bidders in
 * their own cases and revealed at the opening, the committee's members each signing their scores,
 * the award, and a bidder checking without logging in that their bid was counted. Deadlines are
 * chain time, i.e. the clock: a scenario waits for them, seconds after publication.
 */
public class TenderSteps {

    private static final String BID_PROCESS = "tender-bid";
    private static final String EVALUATE = "Activity_Evaluate";
    /** Who reads every case: the legal reviewer. */
    private static final String READER = "zheng.lu";
    /** A deadline's timer may fire up to a minute late: the job executor polls for due timers at most once a minute when idle. */
    private static final Duration WAIT = Duration.ofSeconds(150);

    private final CaseUnderReview kase;
    private final ChainEvidence chain;
    private final Map<String, Bid> bids = new HashMap<>();
    private final List<String> seatsSigned = new ArrayList<>();
    private long bidDeadline;

    public TenderSteps(CaseUnderReview kase, ChainEvidence chain) {
        this.kase = kase;
        this.chain = chain;
    }

    /** A bidder's sealed bid: the commitment is made on the bidder's side, the price and salt stay there until the opening. */
    private record Bid(String bidder, Map<String, Object> company, long price, String salt, String commitment, String caseId) {
    }

    @Given("{word} has published the tender {string} with bids due in {int} seconds and the opening closing {int} seconds later")
    public void published(String officer, String project, int bidSeconds, int revealSeconds) {
        bidDeadline = System.currentTimeMillis() + bidSeconds * 1000L;
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("projectName", project);
        application.put("tenderDocumentHash", Sm3.hex(CanonicalJson.object(Map.of("tenderDocuments", project))));
        application.put("bidDeadline", bidDeadline);
        application.put("revealDeadline", bidDeadline + revealSeconds * 1000L);
        kase.reader = READER;
        kase.caseId = CaseUnderReview.as(officer).startCase("public-tendering", application, Map.of("name", "招标人 " + project));
        JsonNode step = kase.awaitStep("Activity_PublishTender");
        assertThat(step.path("callStatus").asInt(-1)).as("TenderRegistry.publish").isZero();
        chain.assertStepOnChain(step);
    }

    @When("{word} hands in a sealed bid of {long} yuan for {word}")
    public void handsInABid(String bidder, long price, String company) {
        Map<String, Object> applicant = Map.of("name", company);
        String salt = Sm3.hex(CanonicalJson.object(Map.of("salt", bidder + "/" + System.nanoTime())));
        String commitment = Numeric.toHexString(TenderRegistryContract.sealBid(
                Numeric.hexStringToByteArray(Sm3.hex(CanonicalJson.object(applicant))), price, Numeric.hexStringToByteArray(salt)));
        String caseId = CaseUnderReview.as(bidder).startCase(BID_PROCESS, Map.of("tenderId", kase.caseId,
                "commitment", commitment), applicant);
        bids.put(bidder, new Bid(bidder, applicant, price, salt, commitment, caseId));
        latestStep(bidder, "Activity_SubmitBid", 1);
    }

    @Then("the chain accepted {word}'s sealed bid before the deadline")
    public void theChainAccepted(String bidder) {
        JsonNode step = latestStep(bidder, "Activity_SubmitBid", 1);
        assertThat(step.path("callStatus").asInt(-1)).as("TenderRegistry.submitBid of %s", bidder).isZero();
        chain.assertStepOnChain(step);
    }

    @Then("the chain refused {word}'s bid with the reason {string}")
    public void theChainRefusedTheBid(String bidder, String reason) {
        JsonNode step = latestStep(bidder, "Activity_SubmitBid", 1);
        assertThat(step.path("revertReason").asText()).isEqualTo(reason);
        chain.assertStepOnChain(step);
        assertThat(bidCase(bidder).awaitState(bids.get(bidder).caseId(), "COMPLETED", WAIT).path("endEvent").asText())
                .isEqualTo("EndEvent_BidRefused");
    }

    @When("the bid deadline passes")
    public void theBidDeadlinePasses() throws InterruptedException {
        long wait = bidDeadline - System.currentTimeMillis() + 500;
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    @When("{word} reveals the bid at the opening")
    public void reveals(String bidder) {
        reveal(bidder, bids.get(bidder).price());
    }

    @When("{word} reveals the bid at the opening with the price {long} yuan")
    public void reveal(String bidder, long price) {
        Bid bid = bids.get(bidder);
        int before = steps(bidder, "Activity_RevealBid").size();
        awaitReveal(bidder);
        bidCase(bidder).submitCorrections(bid.caseId(), Map.of("price", price, "salt", bid.salt())).accepted();
        latestStep(bidder, "Activity_RevealBid", before + 1);
    }

    @Then("the chain refused {word}'s reveal with the reason {string}")
    public void theChainRefusedTheReveal(String bidder, String reason) {
        JsonNode step = latestStep(bidder, "Activity_RevealBid", 1);
        assertThat(step.path("revertReason").asText()).isEqualTo(reason);
        chain.assertStepOnChain(step);
        awaitReveal(bidder);
    }

    @Then("{word}'s bid is opened")
    public void theBidIsOpened(String bidder) {
        assertThat(bidCase(bidder).awaitState(bids.get(bidder).caseId(), "COMPLETED", WAIT).path("endEvent").asText())
                .isEqualTo("EndEvent_BidRevealed");
        chain.assertStepOnChain(latestStep(bidder, "Activity_RevealBid", 1));
    }

    @Then("the evaluation committee has {int} seats open for the tender-evaluators")
    public void theCommitteeSits(int seats) {
        List<JsonNode> open = CaseUnderReview.as(READER).awaitCase(kase.caseId, seats + " seats", view -> {
            List<JsonNode> found = seats(view);
            return found.size() == seats ? Optional.of(found) : Optional.empty();
        }, WAIT);
        open.forEach(seat -> assertThat(seat.path("candidateGroups")).extracting(JsonNode::asText)
                .containsExactly("tender-evaluators"));
        kase.reviewTaskId = open.get(0).path("taskId").asText();
    }

    @When("{word} signs her/his evaluation with the scores:")
    public void signsTheEvaluation(String member, Map<String, Long> scores) {
        String seat = freeSeat();
        kase.receipt = CaseUnderReview.as(member).decide(seat, "APPROVE", "按招标文件规定的评标标准和方法评审。",
                byBid(scores), RunningEngine.get().keyOf(member)::sign);
        seatsSigned.add(seat);
    }

    @When("{word} asks to sign an evaluation with the scores:")
    public void asksToSign(String member, Map<String, Long> scores) {
        kase.lastReply = CaseUnderReview.as(member).askDecisionPayload(freeSeat(), "APPROVE", "评审意见", byBid(scores));
    }

    @Then("the request is refused with status {int} and the code {word}")
    public void refusedWithCode(int status, String code) {
        kase.lastReply.refused(status, code);
    }

    @Then("the round closes with {int} signed evaluations and the last seat is withdrawn")
    public void theRoundCloses(int signed) {
        CaseUnderReview.as(READER).awaitCase(kase.caseId, "the round closed",
                view -> seats(view).isEmpty() ? Optional.of(view) : Optional.empty(), WAIT);
        assertThat(CaseUnderReview.steps(kase.view(), EVALUATE)).hasSize(signed)
                .allSatisfy(step -> assertThat(step.path("kind").asText()).isEqualTo("MANUAL"));
    }

    @Then("the chain published the score {long} for {word}'s bid from {int} signed evaluations")
    public void theScoreIsPublished(long score, String bidder, int evaluations) {
        JsonNode bid = awaitAwardedTender(bidder);
        assertThat(bid.path("score").asLong()).isEqualTo(score);
        assertThat(bid.path("evaluations").asLong()).isEqualTo(evaluations);
    }

    @Then("at the opening the tender ends at {string} with {int} bids handed in and none opened")
    public void theTenderEndsAtTheOpening(String endEvent, int handedIn) {
        assertThat(tenderEnd().path("endEvent").asText()).isEqualTo(endEvent);
        JsonNode opened = CaseUnderReview.steps(kase.view(), "Activity_OpenTender").get(0);
        assertThat(opened.path("resultJson").asText()).contains("\"bidCount\":" + handedIn).contains("\"revealedCount\":0");
        chain.assertStepOnChain(opened);
    }

    @Then("the tender is awarded to {word}'s bid and published on chain")
    public void theTenderIsAwarded(String bidder) {
        assertThat(tenderEnd().path("endEvent").asText()).isEqualTo("EndEvent_Awarded");
        JsonNode award = CaseUnderReview.steps(kase.view(), "Activity_Award").get(0);
        assertThat(award.path("callStatus").asInt(-1)).isZero();
        chain.assertStepOnChain(award);
        assertThat(check(bidder, bids.get(bidder).commitment()).accepted().path("awarded").asBoolean()).isTrue();
    }

    @Then("{word} checks, without logging in and with the commitment she/he kept, that the bid was counted: opened, scored {long}, not awarded")
    public void checksTheBid(String bidder, long score) {
        JsonNode bid = check(bidder, bids.get(bidder).commitment()).accepted();
        assertThat(bid.path("submittedInBlock").asLong()).isPositive();
        chain.assertInBlock("the bid of " + bidder, bid.path("submitTxHash").asText(), bid.path("submittedInBlock").asLong());
        assertThat(bid.path("revealed").asBoolean()).isTrue();
        assertThat(bid.path("price").asLong()).isEqualTo(bids.get(bidder).price());
        assertThat(bid.path("score").asLong()).isEqualTo(score);
        assertThat(bid.path("awarded").asBoolean()).isFalse();
        assertThat(bid.path("tenderAwarded").asBoolean()).isTrue();
        assertThat(bid.toString()).as("the answer names no bidder").doesNotContain("bidder")
                .doesNotContain(bids.get(bidder).company().get("name").toString());
    }

    @Then("anyone checking {word}'s bid with another commitment finds no such bid")
    public void anotherCommitmentFindsNothing(String bidder) {
        String other = bids.values().stream().map(Bid::commitment).filter(c -> !c.equals(bids.get(bidder).commitment()))
                .findFirst().orElseThrow();
        check(bidder, other).refused(404, "TENDER-001");
    }

    private JsonNode tenderEnd() {
        return CaseUnderReview.as(READER).awaitState(kase.caseId, "COMPLETED", WAIT);
    }

    private JsonNode awaitAwardedTender(String bidder) {
        tenderEnd();
        return check(bidder, bids.get(bidder).commitment()).accepted();
    }

    private Reply check(String bidder, String commitment) {
        return ApiClient.anonymous(RunningEngine.get().baseUrl()).request("GET", "/api/public/tenders/" + kase.caseId
                + "/bids/" + bids.get(bidder).caseId() + "?commitment=" + commitment, null);
    }

    /** Scores by bidder as the signed scores by bid (the bid's case id). */
    private Map<String, Long> byBid(Map<String, Long> byBidder) {
        Map<String, Long> scores = new LinkedHashMap<>();
        byBidder.forEach((bidder, score) -> scores.put(bids.get(bidder).caseId(), score));
        return scores;
    }

    private String freeSeat() {
        return seats(kase.view()).stream().map(seat -> seat.path("taskId").asText())
                .filter(seat -> !seatsSigned.contains(seat)).findFirst().orElseThrow();
    }

    private static List<JsonNode> seats(JsonNode view) {
        List<JsonNode> seats = new ArrayList<>();
        view.path("openTasks").forEach(task -> {
            if (EVALUATE.equals(task.path("activityId").asText())) {
                seats.add(task);
            }
        });
        return seats;
    }

    private void awaitReveal(String bidder) {
        bidCase(bidder).awaitCase(bids.get(bidder).caseId(), "a wait for the reveal", view -> view.path("awaiting").toString()
                .contains("corrections-submitted") ? Optional.of(view) : Optional.empty(), WAIT);
    }

    private List<JsonNode> steps(String bidder, String activityId) {
        return CaseUnderReview.steps(bidCase(bidder).caseView(bids.get(bidder).caseId()), activityId);
    }

    /** The latest step at {@code activityId} of the bidder's case, once it has {@code count} of them. */
    private JsonNode latestStep(String bidder, String activityId, int count) {
        List<JsonNode> found = bidCase(bidder).awaitCase(bids.get(bidder).caseId(), count + " steps " + activityId, view -> {
            List<JsonNode> steps = CaseUnderReview.steps(view, activityId);
            return steps.size() >= count ? Optional.of(steps) : Optional.empty();
        }, WAIT);
        return found.get(found.size() - 1);
    }

    private ApiClient bidCase(String bidder) {
        return CaseUnderReview.as(bidder);
    }
}
