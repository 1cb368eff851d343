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

    /// @dev Ordered so that the figures share one storage slot (state, version, step count, times):
    ///      every slot a case writes is a path in the state trie that the chain keeps.
    struct Case {
        bytes32 applicantDataHash;
        string processDefinitionId;
        string outcome;
        uint8 state;
        uint32 processVersion;
        uint32 stepCount;
        uint48 openedAt;
        uint48 closedAt;
    }

    /// @dev Two storage slots: the result's hash, and the rest packed into one.
    struct Step {
        bytes32 resultHash;
        uint8 kind;
        uint32 sequence;
        uint48 recordedAt;
        address recordedBy;
    }

    mapping(bytes32 => Case) private cases;
    mapping(bytes32 => Step) private steps;

    event CaseOpened(string caseId, string processDefinitionId, uint256 processVersion, bytes32 applicantDataHash);
    event StepRecorded(string caseId, string activityInstanceId, uint8 kind, bytes32 resultHash, uint256 sequence);
    event CaseClosed(string caseId, string outcome, uint256 stepCount);

    function openCase(string calldata caseId, string calldata processDefinitionId, uint256 processVersion,
                      bytes32 applicantDataHash) external onlyWriter {
        Case storage c = cases[keccak256(bytes(caseId))];
        require(c.state == STATE_NONE, "CaseLedger: case already opened");
        open(c, caseId, processDefinitionId, processVersion, applicantDataHash);
    }

    /// @notice Records a step of a case once. The first step of a case opens it (one transaction,
    ///         not two); every step names the case's process version and applicant hash, and a step
    ///         that names others than the case was opened with is refused.
    function recordStep(string calldata caseId, string calldata processDefinitionId, uint256 processVersion,
                        bytes32 applicantDataHash, string calldata activityInstanceId, uint8 kind,
                        bytes32 resultHash) external onlyWriter {
        step(caseId, processDefinitionId, processVersion, applicantDataHash, activityInstanceId, kind, resultHash);
    }

    /// @notice Makes a step's call and records the step, in one transaction: calls `target`
    ///         with `input` on behalf of the sender (its address appended: the target must
    ///         trust this contract as its forwarder and count the sender among its writers), requires
    ///         the call's return data, or revert data, to be `expectedReturn` (what the engine
    ///         previewed and hashed into `resultHash`), and records the step as `recordStep`.
    ///         A reverting call reverts this transaction with the callee's revert data unless
    ///         `recordRevert`: then the revert is the step's recorded result.
    /// @return succeeded whether the call succeeded, and its return (or revert) data
    function recordCall(string memory caseId, string memory processDefinitionId, uint256 processVersion,
                        bytes32 applicantDataHash, string memory activityInstanceId, uint8 kind, bytes32 resultHash,
                        address target, bytes memory input, bytes memory expectedReturn, bool recordRevert)
                        public onlyWriter returns (bool succeeded, bytes memory returned) {
        (succeeded, returned) = forward(target, input, expectedReturn, recordRevert);
        step(caseId, processDefinitionId, processVersion, applicantDataHash, activityInstanceId, kind, resultHash);
    }

    function forward(address target, bytes memory input, bytes memory expectedReturn, bool recordRevert)
                     private returns (bool succeeded, bytes memory returned) {
        require(target != address(this), "CaseLedger: a step may not call the case ledger");
        (succeeded, returned) = target.call(abi.encodePacked(input, msg.sender));
        if (!succeeded && !recordRevert) {
            assembly {
                revert(add(returned, 32), mload(returned))
            }
        }
        require(keccak256(returned) == keccak256(expectedReturn), "CaseLedger: the call returned other than expected");
    }

    function step(string memory caseId, string memory processDefinitionId, uint256 processVersion,
                  bytes32 applicantDataHash, string memory activityInstanceId, uint8 kind, bytes32 resultHash) private {
        require(kind == KIND_AUTOMATIC || kind == KIND_MANUAL, "CaseLedger: unknown step kind");
        require(bytes(activityInstanceId).length > 0, "CaseLedger: empty activity instance id");
        Case storage c = cases[keccak256(bytes(caseId))];
        if (c.state == STATE_NONE) {
            open(c, caseId, processDefinitionId, processVersion, applicantDataHash);
        } else {
            require(c.processVersion == processVersion && c.applicantDataHash == applicantDataHash
                && keccak256(bytes(c.processDefinitionId)) == keccak256(bytes(processDefinitionId)),
                "CaseLedger: case opened for another process or applicant");
        }
        require(c.state == STATE_OPEN, "CaseLedger: case is not open");
        record(c, caseId, activityInstanceId, kind, resultHash);
    }

    function closeCase(string calldata caseId, string calldata outcome) external onlyWriter {
        Case storage c = cases[keccak256(bytes(caseId))];
        require(c.state == STATE_OPEN, "CaseLedger: case is not open");
        require(bytes(outcome).length > 0, "CaseLedger: empty outcome");
        c.state = STATE_CLOSED;
        c.outcome = outcome;
        c.closedAt = uint48(now);
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

    function open(Case storage c, string memory caseId, string memory processDefinitionId, uint256 processVersion,
                  bytes32 applicantDataHash) private {
        require(bytes(caseId).length > 0, "CaseLedger: empty case id");
        require(processVersion <= uint32(-1), "CaseLedger: process version out of range");
        c.processDefinitionId = processDefinitionId;
        c.processVersion = uint32(processVersion);
        c.applicantDataHash = applicantDataHash;
        c.state = STATE_OPEN;
        c.openedAt = uint48(now);
        emit CaseOpened(caseId, processDefinitionId, processVersion, applicantDataHash);
    }

    function record(Case storage c, string memory caseId, string memory activityInstanceId, uint8 kind,
                    bytes32 resultHash) private {
        bytes32 key = stepKey(caseId, activityInstanceId);
        require(steps[key].sequence == 0, "CaseLedger: step already recorded");
        c.stepCount += 1;
        steps[key] = Step(resultHash, kind, c.stepCount, uint48(now), msg.sender);
        emit StepRecorded(caseId, activityInstanceId, kind, resultHash, c.stepCount);
    }

    function stepKey(string memory caseId, string memory activityInstanceId) public pure returns (bytes32) {
        return keccak256(abi.encodePacked(caseId, "/", activityInstanceId));
    }
}
