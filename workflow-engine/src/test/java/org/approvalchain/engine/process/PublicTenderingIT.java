package org.approvalchain.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.contracts.TenderRegistryContract;
import org.approvalchain.engine.crypto.CanonicalJson;
import org.approvalchain.engine.crypto.Sm3;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.SharedEngine;
import org.approvalchain.engine.support.Sm2DecisionSigner;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.web3j.utils.Numeric;

/**
 * A public tender from publication to award on the real models (public-tendering, tender-bid) over
 * HTTP: three sealed bids before the deadline and a late one the chain refuses, a reveal that does
 * not match its commitment refused and then corrected, two of three committee members signing
 * their scores (an evaluation that does not score every opened bid is refused), each bid's mean
 * score and the award on chain; and the public check of a bid by its commitment, with its refusals.
 */
@SharedEngine
class PublicTenderingIT {

    /** A deadline's timer may fire up to a minute late: the job executor polls for due timers at most once a minute when idle. */
    private static final Duration WAIT = Duration.ofSeconds(150);

    @LocalServerPort
    int port;

    @Test
    void sealedBidsAreOpenedScoredBySignedEvaluationsAndAwardedAndEachBidderFindsTheirs() throws InterruptedException {
        ApiClient officer = client("gao.feng");
        long bidDeadline = System.currentTimeMillis() + 45_000;
        String tender = officer.startCase("public-tendering", Map.of("projectName", "某区政务服务中心改造工程",
                "tenderDocumentHash", Sm3.hex("招标文件".getBytes(StandardCharsets.UTF_8)),
                "bidDeadline", bidDeadline, "revealDeadline", bidDeadline + 40_000), Map.of("name", "某区机关事务管理局"));
        officer.awaitCase(tender, "the tender published", view -> step(view, "Activity_PublishTender"), WAIT);

        Bid first = Bid.sealed("he.bo", "甲建设公司", 980_000, "01");
        Bid second = Bid.sealed("song.yu", "乙建设公司", 1_020_000, "02");
        Bid third = Bid.sealed("xie.ning", "丙建设公司", 1_050_000, "03");
        for (Bid bid : List.of(first, second, third)) {
            bid.submit(this, tender);
            client(bid.bidder).awaitCase(bid.caseId, "the bid on chain", view -> view.path("awaiting").toString()
                    .contains("corrections-submitted") ? Optional.of(view) : Optional.empty(), WAIT);
        }
        waitUntil(bidDeadline);

        Bid late = Bid.sealed("he.bo", "丁建设公司", 900_000, "04");
        late.submit(this, tender);
        client("he.bo").awaitState(late.caseId, "COMPLETED", WAIT);
        JsonNode refused = client("he.bo").caseView(late.caseId);
        assertThat(refused.path("endEvent").asText()).isEqualTo("EndEvent_BidRefused");
        assertThat(step(refused, "Activity_SubmitBid").orElseThrow(() -> new AssertionError("no step in " + refused))
                .path("revertReason").asText())
                .isEqualTo("TenderRegistry: bidding closed at the bid deadline");

        client(first.bidder).submitCorrections(first.caseId, Map.of("price", first.price + 1, "salt", first.salt)).accepted();
        client(first.bidder).awaitCase(first.caseId, "the wrong reveal refused", view -> step(view, "Activity_RevealBid")
                .filter(s -> s.path("revertReason").asText().equals("TenderRegistry: reveal does not match the commitment")), WAIT);
        for (Bid bid : List.of(first, second, third)) {
            client(bid.bidder).awaitCase(bid.caseId, "waiting for the reveal", view -> view.path("awaiting").toString()
                    .contains("corrections-submitted") ? Optional.of(view) : Optional.empty(), WAIT);
            client(bid.bidder).submitCorrections(bid.caseId, Map.of("price", bid.price, "salt", bid.salt)).accepted();
            assertThat(client(bid.bidder).awaitState(bid.caseId, "COMPLETED", WAIT).path("endEvent").asText())
                    .isEqualTo("EndEvent_BidRevealed");
        }

        List<JsonNode> seats = officer.awaitCase(tender, "the committee's three seats", view -> {
            List<JsonNode> open = StreamSupport.stream(view.path("openTasks").spliterator(), false)
                    .filter(t -> t.path("activityId").asText().equals("Activity_Evaluate")).toList();
            return open.size() == 3 ? Optional.of(open) : Optional.empty();
        }, WAIT);
        ApiClient maJun = client("ma.jun");
        maJun.askDecisionPayload(taskId(seats.get(0)), "APPROVE", "评审意见", Map.of(first.caseId, 80L, second.caseId, 90L))
                .refused(400, "DECISION-009");
        maJun.decide(taskId(seats.get(0)), "APPROVE", "技术、商务评审完成",
                Map.of(first.caseId, 80L, second.caseId, 90L, third.caseId, 70L), signer("ma.jun"));
        client("luo.yi").decide(taskId(seats.get(1)), "APPROVE", "评审完成",
                Map.of(first.caseId, 85L, second.caseId, 87L, third.caseId, 75L), signer("luo.yi"));

        JsonNode awarded = officer.awaitState(tender, "COMPLETED", WAIT);
        assertThat(awarded.path("endEvent").asText()).isEqualTo("EndEvent_Awarded");

        ApiClient anyone = ApiClient.anonymous("http://localhost:" + port);
        JsonNode winner = anyone.request("GET", check(tender, second.caseId, second.commitment), null).accepted();
        assertThat(winner.path("awarded").asBoolean()).isTrue();
        assertThat(winner.path("score").asLong()).isEqualTo(89); // (90 + 87) / 2 = 88.5, half up
        assertThat(winner.path("evaluations").asLong()).isEqualTo(2);
        assertThat(winner.path("price").asLong()).isEqualTo(second.price);
        assertThat(winner.path("submittedInBlock").asLong()).isPositive();
        assertThat(winner.toString()).doesNotContain("bidder").doesNotContain(second.bidderHash.substring(2));
        JsonNode counted = anyone.request("GET", check(tender, first.caseId, first.commitment), null).accepted();
        assertThat(counted.path("revealed").asBoolean()).isTrue();
        assertThat(counted.path("score").asLong()).isEqualTo(83); // (80 + 85) / 2 = 82.5, half up
        assertThat(counted.path("awarded").asBoolean()).isFalse();
        assertThat(counted.path("tenderAwarded").asBoolean()).isTrue();

        anyone.request("GET", check(tender, first.caseId, second.commitment), null).refused(404, "TENDER-001");
        anyone.request("GET", check(tender, late.caseId, late.commitment), null).refused(404, "TENDER-001");
        anyone.request("GET", check(tender, first.caseId, "0x1234"), null).refused(400, "TENDER-002");
    }

    private static String check(String tender, String bid, String commitment) {
        return "/api/public/tenders/" + tender + "/bids/" + bid + "?commitment=" + commitment;
    }

    /** A bidder's sealed bid: the commitment is made on the bidder's side from their hash, price and salt. */
    private static final class Bid {
        final String bidder;
        final Map<String, Object> company;
        final String bidderHash;
        final long price;
        final String salt;
        final String commitment;
        String caseId;

        private Bid(String bidder, Map<String, Object> company, long price, String salt) {
            this.bidder = bidder;
            this.company = company;
            this.bidderHash = Sm3.hex(CanonicalJson.object(company));
            this.price = price;
            this.salt = salt;
            this.commitment = Numeric.toHexString(TenderRegistryContract.sealBid(Numeric.hexStringToByteArray(bidderHash),
                    price, Numeric.hexStringToByteArray(salt)));
        }

        static Bid sealed(String bidder, String company, long price, String saltByte) {
            return new Bid(bidder, Map.of("name", company), price, "0x" + saltByte.repeat(32));
        }

        void submit(PublicTenderingIT it, String tender) {
            Map<String, Object> application = new LinkedHashMap<>();
            application.put("tenderId", tender);
            application.put("commitment", commitment);
            caseId = it.client(bidder).startCase("tender-bid", application, company);
        }
    }

    private ApiClient client(String user) {
        return ApiClient.demoUser("http://localhost:" + port, user);
    }

    private static Optional<JsonNode> step(JsonNode view, String activityId) {
        List<JsonNode> steps = StreamSupport.stream(view.path("steps").spliterator(), false)
                .filter(s -> activityId.equals(s.path("activityId").asText())).toList();
        return steps.isEmpty() ? Optional.empty() : Optional.of(steps.get(steps.size() - 1));
    }

    private static String taskId(JsonNode task) {
        return task.path("taskId").asText();
    }

    private static void waitUntil(long epochMillis) throws InterruptedException {
        long wait = epochMillis - System.currentTimeMillis() + 500;
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    private static UnaryOperator<String> signer(String user) {
        return Sm2DecisionSigner.demoUser(SharedEngine.DATA_DIR, user)::sign;
    }
}
