pragma solidity ^0.5.2;

import "./DepartmentAccess.sol";

/// @title The on-chain record of every approval case: opened, each step, closed.
/// @notice A step key is case id + activity instance id and can be recorded once only, so a
///         retried write can never record a step twice. Personal data never comes here: only hashes.
contract CaseLedger is DepartmentAccess {
    uint8 public constant KIND_AUTOMATIC = 1;
    uint8 public constant KIND_MANUAL = 2;

    uint8 constant STATE_NONE = 0;
    uint8 constant STATE_OPEN = 1;
    uint8 constant STATE_CLOSED = 2;

    struct Case {
        string processDefinitionId;
        uint256 processVersion;
        bytes32 applicantDataHash;
        uint8 state;
        string outcome;
        uint256 stepCount;
        uint256 openedAt;
        uint256 closedAt;
    }

    struct Step {
        uint8 kind;
        bytes32 resultHash;
        uint256 sequence;
        uint256 recordedAt;
        address recordedBy;
    }

    mapping(bytes32 => Case) private cases;
    mapping(bytes32 => Step) private steps;

    event CaseOpened(string caseId, string processDefinitionId, uint256 processVersion, bytes32 applicantDataHash);
    event StepRecorded(string caseId, string activityInstanceId, uint8 kind, bytes32 resultHash, uint256 sequence);
    event CaseClosed(string caseId, string outcome, uint256 stepCount);

    function openCase(string calldata caseId, string calldata processDefinitionId, uint256 processVersion,
                      bytes32 applicantDataHash) external onlyWriter {
        require(bytes(caseId).length > 0, "CaseLedger: empty case id");
        Case storage c = cases[keccak256(bytes(caseId))];
        require(c.state == STATE_NONE, "CaseLedger: case already opened");
        c.processDefinitionId = processDefinitionId;
        c.processVersion = processVersion;
        c.applicantDataHash = applicantDataHash;
        c.state = STATE_OPEN;
        c.openedAt = now;
        emit CaseOpened(caseId, processDefinitionId, processVersion, applicantDataHash);
    }

    function recordStep(string calldata caseId, string calldata activityInstanceId, uint8 kind,
                        bytes32 resultHash) external onlyWriter {
        require(kind == KIND_AUTOMATIC || kind == KIND_MANUAL, "CaseLedger: unknown step kind");
        require(bytes(activityInstanceId).length > 0, "CaseLedger: empty activity instance id");
        Case storage c = cases[keccak256(bytes(caseId))];
        require(c.state == STATE_OPEN, "CaseLedger: case is not open");
        bytes32 key = stepKey(caseId, activityInstanceId);
        require(steps[key].sequence == 0, "CaseLedger: step already recorded");
        c.stepCount += 1;
        steps[key] = Step(kind, resultHash, c.stepCount, now, msg.sender);
        emit StepRecorded(caseId, activityInstanceId, kind, resultHash, c.stepCount);
    }

    function closeCase(string calldata caseId, string calldata outcome) external onlyWriter {
        Case storage c = cases[keccak256(bytes(caseId))];
        require(c.state == STATE_OPEN, "CaseLedger: case is not open");
        require(bytes(outcome).length > 0, "CaseLedger: empty outcome");
        c.state = STATE_CLOSED;
        c.outcome = outcome;
        c.closedAt = now;
        emit CaseClosed(caseId, outcome, c.stepCount);
    }

    function getCase(string calldata caseId) external view returns (
        string memory processDefinitionId, uint256 processVersion, bytes32 applicantDataHash,
        uint8 state, string memory outcome, uint256 stepCount) {
        Case storage c = cases[keccak256(bytes(caseId))];
        return (c.processDefinitionId, c.processVersion, c.applicantDataHash, c.state, c.outcome, c.stepCount);
    }

    function getStep(string calldata caseId, string calldata activityInstanceId) external view returns (
        uint8 kind, bytes32 resultHash, uint256 sequence, uint256 recordedAt, address recordedBy) {
        Step storage s = steps[stepKey(caseId, activityInstanceId)];
        return (s.kind, s.resultHash, s.sequence, s.recordedAt, s.recordedBy);
    }

    function stepKey(string memory caseId, string memory activityInstanceId) public pure returns (bytes32) {
        return keccak256(abi.encodePacked(caseId, "/", activityInstanceId));
    }
}
