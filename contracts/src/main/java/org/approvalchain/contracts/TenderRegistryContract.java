package org.approvalchain.contracts;

import static org.approvalchain.contracts.AbiArguments.bytes32;
import static org.approvalchain.contracts.AbiArguments.string;
import static org.approvalchain.contracts.AbiArguments.uint256;
import static org.approvalchain.contracts.AbiCodec.event;
import static org.approvalchain.contracts.AbiCodec.plain;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

import org.fisco.bcos.sdk.v3.codec.datatypes.Bool;
import org.fisco.bcos.sdk.v3.codec.datatypes.Event;
import org.fisco.bcos.sdk.v3.codec.datatypes.Utf8String;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Bytes32;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Uint256;
import org.fisco.bcos.sdk.v3.crypto.hash.Keccak256;

/**
 * Codec for {@code TenderRegistry.sol}: public tendering (项目招标) with sealed bids. A tender is
 * published with its bid and reveal deadlines (chain time, milliseconds); bids are commitments
 * accepted only before the bid deadline and revealed (price, salt) only after it; the committee's
 * score of each revealed bid and the award are published; a bidder finds their bid by the
 * commitment they kept.
 */
public final class TenderRegistryContract extends DepartmentAccessContract {
    public static final String NAME = "TenderRegistry";

    private static final Event TENDER_PUBLISHED = event("TenderPublished", plain(Utf8String.class),
        plain(Bytes32.class), plain(Uint256.class), plain(Uint256.class));
    private static final Event BID_SUBMITTED = event("BidSubmitted", plain(Utf8String.class),
        plain(Utf8String.class), plain(Bytes32.class), plain(Bytes32.class));
    private static final Event BID_REVEALED = event("BidRevealed", plain(Utf8String.class),
        plain(Utf8String.class), plain(Uint256.class));
    private static final Event BID_SCORED = event("BidScored", plain(Utf8String.class), plain(Utf8String.class),
        plain(Uint256.class), plain(Uint256.class));
    private static final Event TENDER_AWARDED = event("TenderAwarded", plain(Utf8String.class),
        plain(Utf8String.class), plain(Bytes32.class), plain(Uint256.class), plain(Uint256.class));

    public TenderRegistryContract(AbiCodec codec) {
        super(NAME, codec);
    }

    public byte[] publish(String tenderId, byte[] titleHash, long bidDeadline, long revealDeadline) {
        return codec.encodeCall("publish", string("tenderId", tenderId), bytes32("titleHash", titleHash),
            uint256("bidDeadline", bidDeadline), uint256("revealDeadline", revealDeadline));
    }

    public byte[] submitBid(String tenderId, String bidId, byte[] bidderHash, byte[] commitment) {
        return codec.encodeCall("submitBid", string("tenderId", tenderId), string("bidId", bidId),
            bytes32("bidderHash", bidderHash), bytes32("commitment", commitment));
    }

    public byte[] revealBid(String tenderId, String bidId, long price, byte[] salt) {
        return codec.encodeCall("revealBid", string("tenderId", tenderId), string("bidId", bidId),
            uint256("price", price), bytes32("salt", salt));
    }

    public byte[] scoreBid(String tenderId, String bidId, long score, long evaluators) {
        return codec.encodeCall("scoreBid", string("tenderId", tenderId), string("bidId", bidId),
            uint256("score", score), uint256("evaluators", evaluators));
    }

    public byte[] award(String tenderId, String bidId) {
        return codec.encodeCall("award", string("tenderId", tenderId), string("bidId", bidId));
    }

    public byte[] tender(String tenderId) {
        return codec.encodeCall("tender", string("tenderId", tenderId));
    }

    public byte[] bid(String tenderId, String bidId) {
        return codec.encodeCall("bid", string("tenderId", tenderId), string("bidId", bidId));
    }

    public byte[] bidByCommitment(String tenderId, byte[] commitment) {
        return codec.encodeCall("bidByCommitment", string("tenderId", tenderId), bytes32("commitment", commitment));
    }

    public byte[] commitmentOf(byte[] bidderHash, long price, byte[] salt) {
        return codec.encodeCall("commitmentOf", bytes32("bidderHash", bidderHash), uint256("price", price),
            bytes32("salt", salt));
    }

    /**
     * The commitment a bidder seals a bid with, computed off chain as the contract's {@code keccak256}
     * does on the embedded EVM: Keccak-256 of bidderHash ‖ price as 32 bytes ‖ salt, for both builds
     * (libevm runs the SM build's hash opcode as Keccak-256 too). A FISCO BCOS node in SM mode runs
     * that opcode as SM3: there the commitment is the SM3 of the same bytes (not tested here).
     */
    public static byte[] sealBid(byte[] bidderHash, long price, byte[] salt) {
        ByteBuffer packed = ByteBuffer.allocate(96).put(bidderHash).put(new byte[24]).putLong(price).put(salt);
        return new Keccak256().hash(packed.array());
    }

    public Tender decodeTender(byte[] output) {
        AbiValues v = codec.decodeOutput("tender", output, Bytes32.class, Uint256.class, Uint256.class,
            Uint256.class, Uint256.class, Utf8String.class);
        return new Tender(v.bytes(0), v.uintAsLong(1), v.uintAsLong(2), v.uintAsLong(3), v.uintAsLong(4), v.string(5));
    }

    public Bid decodeBid(byte[] output) {
        AbiValues v = codec.decodeOutput("bid", output, Bytes32.class, Bytes32.class, Uint256.class, Bool.class,
            Uint256.class, Uint256.class, Uint256.class);
        return new Bid(v.bytes(0), v.bytes(1), v.uintAsLong(2), v.bool(3), v.uintAsLong(4), v.uintAsLong(5),
            v.uintAsLong(6));
    }

    /** The bid id a commitment was counted as; empty when it was not. */
    public String decodeBidByCommitment(byte[] output) {
        return codec.decodeOutput("bidByCommitment", output, Utf8String.class).string(0);
    }

    public byte[] decodeCommitmentOf(byte[] output) {
        return codec.decodeOutput("commitmentOf", output, Bytes32.class).bytes(0);
    }

    public Optional<TenderPublished> tenderPublished(List<String> topics, byte[] data) {
        return codec.decodeEvent(TENDER_PUBLISHED, topics, data)
            .map(v -> new TenderPublished(v.string(0), v.bytes(1), v.uintAsLong(2), v.uintAsLong(3)));
    }

    public Optional<BidSubmitted> bidSubmitted(List<String> topics, byte[] data) {
        return codec.decodeEvent(BID_SUBMITTED, topics, data)
            .map(v -> new BidSubmitted(v.string(0), v.string(1), v.bytes(2), v.bytes(3)));
    }

    public Optional<BidRevealed> bidRevealed(List<String> topics, byte[] data) {
        return codec.decodeEvent(BID_REVEALED, topics, data)
            .map(v -> new BidRevealed(v.string(0), v.string(1), v.uintAsLong(2)));
    }

    public Optional<BidScored> bidScored(List<String> topics, byte[] data) {
        return codec.decodeEvent(BID_SCORED, topics, data)
            .map(v -> new BidScored(v.string(0), v.string(1), v.uintAsLong(2), v.uintAsLong(3)));
    }

    public Optional<TenderAwarded> tenderAwarded(List<String> topics, byte[] data) {
        return codec.decodeEvent(TENDER_AWARDED, topics, data)
            .map(v -> new TenderAwarded(v.string(0), v.string(1), v.bytes(2), v.uintAsLong(3), v.uintAsLong(4)));
    }

    /** A tender: its title hash, deadlines, bids submitted and revealed, and the awarded bid (empty before the award). */
    public record Tender(byte[] titleHash, long bidDeadline, long revealDeadline, long bids, long revealed,
                         String awardedBid) {
    }

    /** A bid: who (hash), its commitment, when it was submitted, and once revealed its price and score. */
    public record Bid(byte[] bidderHash, byte[] commitment, long submittedAt, boolean revealed, long price, long score,
                      long evaluators) {
    }

    /** A tender was published. */
    public record TenderPublished(String tenderId, byte[] titleHash, long bidDeadline, long revealDeadline) {
    }

    /** A sealed bid was accepted before the bid deadline. */
    public record BidSubmitted(String tenderId, String bidId, byte[] bidderHash, byte[] commitment) {
    }

    /** A bid was opened: its price matched its commitment. */
    public record BidRevealed(String tenderId, String bidId, long price) {
    }

    /** The committee's score of a bid, from the signed evaluations of so many members. */
    public record BidScored(String tenderId, String bidId, long score, long evaluators) {
    }

    /** The tender was awarded to a bid, published with its price and score. */
    public record TenderAwarded(String tenderId, String bidId, byte[] bidderHash, long price, long score) {
    }
}
