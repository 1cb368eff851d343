pragma solidity ^0.5.2;

import "./DepartmentAccess.sol";

/// @title A non-discretionary eligibility rule: named criteria with admin-set bounds.
/// @notice An application is eligible for a criterion when min <= value <= max. Every parameter
///         change bumps the rule version, so each automated result names the exact rule it applied.
contract EligibilityRule is DepartmentAccess {
    struct Criterion {
        uint256 min;
        uint256 max;
        bool defined;
    }

    uint256 public ruleVersion;
    mapping(bytes32 => Criterion) private criteria;

    event CriterionSet(bytes32 indexed criterion, uint256 min, uint256 max, uint256 ruleVersion);
    event Evaluated(string caseId, bytes32 indexed criterion, uint256 value, bool eligible, uint256 ruleVersion);

    function setCriterion(bytes32 criterion, uint256 min, uint256 max) external onlyAdmin {
        require(criterion != bytes32(0), "EligibilityRule: empty criterion");
        require(min <= max, "EligibilityRule: min exceeds max");
        criteria[criterion] = Criterion(min, max, true);
        ruleVersion += 1;
        emit CriterionSet(criterion, min, max, ruleVersion);
    }

    /// @notice Records the evaluation on chain; the same result as check().
    function evaluate(string calldata caseId, bytes32 criterion, uint256 value) external onlyWriter
        returns (bool eligible, uint256 version) {
        (eligible, version) = check(criterion, value);
        emit Evaluated(caseId, criterion, value, eligible, version);
    }

    function check(bytes32 criterion, uint256 value) public view returns (bool eligible, uint256 version) {
        Criterion storage c = criteria[criterion];
        require(c.defined, "EligibilityRule: unknown criterion");
        return (value >= c.min && value <= c.max, ruleVersion);
    }

    function getCriterion(bytes32 criterion) external view returns (uint256 min, uint256 max, bool defined) {
        Criterion storage c = criteria[criterion];
        return (c.min, c.max, c.defined);
    }
}
