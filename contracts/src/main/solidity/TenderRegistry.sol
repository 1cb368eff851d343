pragma solidity ^0.5.2;

import "./DepartmentAccess.sol";

/// @title Public tendering (项目招标) with sealed bids: publish, commit, reveal, score, award.
/// @notice A bid is sealed as a commitment, keccak256 (the EVM's hash opcode; SM3 on a FISCO SM node) of
///         bidderHash ‖ price ‖ salt; it is accepted only before the bid deadline (招标投标法 第二十八条:
///         a bid after the deadline is refused) and revealed only from that deadline on, when the tender is
///         opened (第三十四条), until the reveal deadline; a reveal that does not match its commitment
///         reverts, and with fewer than 3 bids nothing is opened (实施条例 第四十四条: re-tender). The committee's score of each revealed bid and the award are published on chain.
///         Times are chain time (FISCO BCOS: milliseconds since the epoch).
contract TenderRegistry is DepartmentAccess {
    uint256 private constant MIN_BIDS = 3;

    struct Tender {
        bytes32 titleHash;
        uint256 bidDeadline;
        uint256 revealDeadline;
        uint256 bids;
        uint256 revealed;
        string awardedBid;
    }

    struct Bid {
        bytes32 bidderHash;
        bytes32 commitment;
        uint256 submittedAt;
        bool revealed;
        uint256 price;
        uint256 score;
        uint256 evaluators;
    }

    mapping(bytes32 => Tender) private tenders;
    mapping(bytes32 => Bid) private bids;
    mapping(bytes32 => string) private bidIdByCommitment;

    event TenderPublished(string tenderId, bytes32 titleHash, uint256 bidDeadline, uint256 revealDeadline);
    event BidSubmitted(string tenderId, string bidId, bytes32 bidderHash, bytes32 commitment);
    event BidRevealed(string tenderId, string bidId, uint256 price);
    event BidScored(string tenderId, string bidId, uint256 score, uint256 evaluators);
    event TenderAwarded(string tenderId, string bidId, bytes32 bidderHash, uint256 price, uint256 score);

    function publish(string calldata tenderId, bytes32 titleHash, uint256 bidDeadline, uint256 revealDeadline)
        external onlyWriter {
        require(bytes(tenderId).length > 0, "TenderRegistry: empty tender id");
        require(titleHash != bytes32(0), "TenderRegistry: empty title hash");
        require(bidDeadline > now, "TenderRegistry: bid deadline is not in the future");
        require(revealDeadline > bidDeadline, "TenderRegistry: reveal deadline is not after the bid deadline");
        Tender storage t = tenders[key(tenderId)];
        require(t.bidDeadline == 0, "TenderRegistry: tender already published");
        t.titleHash = titleHash;
        t.bidDeadline = bidDeadline;
        t.revealDeadline = revealDeadline;
        emit TenderPublished(tenderId, titleHash, bidDeadline, revealDeadline);
    }

    function submitBid(string calldata tenderId, string calldata bidId, bytes32 bidderHash, bytes32 commitment)
        external onlyWriter {
        Tender storage t = published(tenderId);
        require(now < t.bidDeadline, "TenderRegistry: bidding closed at the bid deadline");
        require(bytes(bidId).length > 0, "TenderRegistry: empty bid id");
        require(bidderHash != bytes32(0), "TenderRegistry: empty bidder hash");
        require(commitment != bytes32(0), "TenderRegistry: empty commitment");
        Bid storage b = bids[bidKey(tenderId, bidId)];
        require(b.submittedAt == 0, "TenderRegistry: bid id already used");
        bytes32 sealedKey = commitmentKey(tenderId, commitment);
        require(bytes(bidIdByCommitment[sealedKey]).length == 0, "TenderRegistry: commitment already submitted");
        b.bidderHash = bidderHash;
        b.commitment = commitment;
        b.submittedAt = now;
        bidIdByCommitment[sealedKey] = bidId;
        t.bids += 1;
        emit BidSubmitted(tenderId, bidId, bidderHash, commitment);
    }

    function revealBid(string calldata tenderId, string calldata bidId, uint256 price, bytes32 salt)
        external onlyWriter {
        Tender storage t = published(tenderId);
        require(now >= t.bidDeadline, "TenderRegistry: bids stay sealed until the bid deadline");
        require(now < t.revealDeadline, "TenderRegistry: reveal period has ended");
        require(t.bids >= MIN_BIDS, "TenderRegistry: fewer than 3 bids, the tender may not be opened");
        Bid storage b = bids[bidKey(tenderId, bidId)];
        require(b.submittedAt != 0, "TenderRegistry: unknown bid");
        require(!b.revealed, "TenderRegistry: bid already revealed");
        require(commitmentOf(b.bidderHash, price, salt) == b.commitment,
            "TenderRegistry: reveal does not match the commitment");
        b.revealed = true;
        b.price = price;
        t.revealed += 1;
        emit BidRevealed(tenderId, bidId, price);
    }

    /// @param score the committee's score of the bid; evaluators how many members' signed evaluations it sums up
    function scoreBid(string calldata tenderId, string calldata bidId, uint256 score, uint256 evaluators)
        external onlyWriter {
        Tender storage t = published(tenderId);
        require(bytes(t.awardedBid).length == 0, "TenderRegistry: tender already awarded");
        Bid storage b = bids[bidKey(tenderId, bidId)];
        require(b.revealed, "TenderRegistry: only a revealed bid can be scored");
        require(evaluators > 0, "TenderRegistry: no evaluators");
        require(b.evaluators == 0, "TenderRegistry: bid already scored");
        b.score = score;
        b.evaluators = evaluators;
        emit BidScored(tenderId, bidId, score, evaluators);
    }

    function award(string calldata tenderId, string calldata bidId) external onlyWriter {
        Tender storage t = published(tenderId);
        require(bytes(t.awardedBid).length == 0, "TenderRegistry: tender already awarded");
        Bid storage b = bids[bidKey(tenderId, bidId)];
        require(b.evaluators > 0, "TenderRegistry: only a scored bid can be awarded");
        t.awardedBid = bidId;
        emit TenderAwarded(tenderId, bidId, b.bidderHash, b.price, b.score);
    }

    function tender(string calldata tenderId) external view returns (bytes32 titleHash, uint256 bidDeadline,
        uint256 revealDeadline, uint256 bidCount, uint256 revealedCount, string memory awardedBid) {
        Tender storage t = tenders[key(tenderId)];
        return (t.titleHash, t.bidDeadline, t.revealDeadline, t.bids, t.revealed, t.awardedBid);
    }

    function bid(string calldata tenderId, string calldata bidId) external view returns (bytes32 bidderHash,
        bytes32 commitment, uint256 submittedAt, bool revealed, uint256 price, uint256 score, uint256 evaluators) {
        Bid storage b = bids[bidKey(tenderId, bidId)];
        return (b.bidderHash, b.commitment, b.submittedAt, b.revealed, b.price, b.score, b.evaluators);
    }

    /// @notice What a bidder checks with the commitment they kept: the bid it was counted as (empty if none).
    function bidByCommitment(string calldata tenderId, bytes32 commitment) external view returns (string memory) {
        return bidIdByCommitment[commitmentKey(tenderId, commitment)];
    }

    /// @notice The commitment a bidder seals their bid with: keccak256 of bidderHash ‖ price ‖ salt.
    function commitmentOf(bytes32 bidderHash, uint256 price, bytes32 salt) public pure returns (bytes32) {
        return keccak256(abi.encodePacked(bidderHash, price, salt));
    }

    function published(string memory tenderId) private view returns (Tender storage t) {
        t = tenders[key(tenderId)];
        require(t.bidDeadline != 0, "TenderRegistry: unknown tender");
    }

    function key(string memory id) private pure returns (bytes32) {
        return keccak256(bytes(id));
    }

    function bidKey(string memory tenderId, string memory bidId) private pure returns (bytes32) {
        return keccak256(abi.encodePacked(key(tenderId), key(bidId)));
    }

    function commitmentKey(string memory tenderId, bytes32 commitment) private pure returns (bytes32) {
        return keccak256(abi.encodePacked(key(tenderId), commitment));
    }
}
