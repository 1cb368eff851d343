pragma solidity ^0.5.2;

import "./DepartmentAccess.sol";

/// @title Relief fund supervision (救助资金监管): the amount approved for a case and its disbursements.
/// @notice A case's grant is approved once, to one recipient (a hash: no personal data on chain); it is
///         paid in tranches numbered 1, 2, ... in order, to that recipient only, and the running total
///         never exceeds the approved amount (社会救助暂行办法 第五条第二款: 专款专用).
contract ReliefFund is DepartmentAccess {
    struct Grant {
        bytes32 recipientHash;
        uint256 approved;
        uint256 disbursed;
        uint256 tranches;
    }

    mapping(bytes32 => Grant) private grants;

    event GrantApproved(string caseId, bytes32 recipientHash, uint256 amount);
    event TrancheDisbursed(string caseId, uint256 tranche, uint256 amount, bytes32 recipientHash,
                           uint256 totalDisbursed, uint256 remaining);

    function approveGrant(string calldata caseId, bytes32 recipientHash, uint256 amount) external onlyWriter {
        require(bytes(caseId).length > 0, "ReliefFund: empty case id");
        require(recipientHash != bytes32(0), "ReliefFund: empty recipient hash");
        require(amount > 0, "ReliefFund: approved amount is zero");
        Grant storage g = grants[keccak256(bytes(caseId))];
        require(g.approved == 0, "ReliefFund: grant already approved for this case");
        g.recipientHash = recipientHash;
        g.approved = amount;
        emit GrantApproved(caseId, recipientHash, amount);
    }

    /// @return totalDisbursed the running total after this tranche; remaining what is left of the grant.
    function disburse(string calldata caseId, uint256 tranche, uint256 amount, bytes32 recipientHash) external onlyWriter
        returns (uint256 totalDisbursed, uint256 remaining) {
        Grant storage g = grants[keccak256(bytes(caseId))];
        require(g.approved != 0, "ReliefFund: no grant approved for this case");
        require(tranche == g.tranches + 1, "ReliefFund: tranche out of order");
        require(amount > 0, "ReliefFund: tranche amount is zero");
        require(recipientHash == g.recipientHash, "ReliefFund: recipient is not the approved recipient");
        // disbursed <= approved always holds, so the subtraction cannot underflow
        require(amount <= g.approved - g.disbursed, "ReliefFund: disbursement exceeds the approved amount");
        g.disbursed += amount;
        g.tranches = tranche;
        emit TrancheDisbursed(caseId, tranche, amount, recipientHash, g.disbursed, g.approved - g.disbursed);
        return (g.disbursed, g.approved - g.disbursed);
    }

    function grant(string calldata caseId) external view returns (
        bytes32 recipientHash, uint256 approved, uint256 disbursed, uint256 tranches) {
        Grant storage g = grants[keccak256(bytes(caseId))];
        return (g.recipientHash, g.approved, g.disbursed, g.tranches);
    }
}
