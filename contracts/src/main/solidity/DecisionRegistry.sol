pragma solidity ^0.5.2;

import "./DepartmentAccess.sol";

/// @title Signed human decisions (approve, reject, return for correction).
/// @notice The approver signs the canonical decision payload with a key only they control; the
///         engine verifies it and records it here. One decision per task: a second one reverts.
contract DecisionRegistry is DepartmentAccess {
    uint8 public constant APPROVE = 1;
    uint8 public constant REJECT = 2;
    uint8 public constant RETURN_FOR_CORRECTION = 3;

    /// @dev Every slot is a path in the state trie the chain keeps: the key's point is kept as its two
    ///      coordinates (2 slots, not 4 as 65 bytes), the decision and its time share one slot.
    struct Decision {
        string approverId;
        bytes32 publicKeyX;
        bytes32 publicKeyY;
        bytes32 payloadHash;
        bytes signature;
        uint8 decision;
        uint48 recordedAt;
    }

    mapping(bytes32 => Decision) private decisions;

    event DecisionRecorded(string caseId, string taskId, string approverId, uint8 decision, bytes32 payloadHash);

    function recordDecision(string calldata caseId, string calldata taskId, string calldata approverId,
                            bytes calldata approverPublicKey, uint8 decision, bytes32 payloadHash,
                            bytes calldata signature) external onlyWriter {
        require(decision >= APPROVE && decision <= RETURN_FOR_CORRECTION, "DecisionRegistry: unknown decision");
        require(bytes(approverId).length > 0, "DecisionRegistry: empty approver id");
        (bytes32 x, bytes32 y) = coordinates(approverPublicKey);
        require(signature.length > 0, "DecisionRegistry: empty signature");
        bytes32 key = decisionKey(caseId, taskId);
        require(decisions[key].decision == 0, "DecisionRegistry: decision already recorded");
        decisions[key] = Decision(approverId, x, y, payloadHash, signature, decision, uint48(now));
        emit DecisionRecorded(caseId, taskId, approverId, decision, payloadHash);
    }

    function getDecision(string calldata caseId, string calldata taskId) external view returns (
        string memory approverId, bytes memory approverPublicKey, uint8 decision, bytes32 payloadHash,
        bytes memory signature, uint256 recordedAt) {
        Decision storage d = decisions[decisionKey(caseId, taskId)];
        bytes memory point = d.decision == 0 ? new bytes(0) : abi.encodePacked(bytes1(0x04), d.publicKeyX, d.publicKeyY);
        return (d.approverId, point, d.decision, d.payloadHash, d.signature, d.recordedAt);
    }

    /// @param point an uncompressed SM2 point: 0x04, then its x and y coordinates (32 bytes each)
    function coordinates(bytes memory point) private pure returns (bytes32 x, bytes32 y) {
        require(point.length == 65 && point[0] == 0x04, "DecisionRegistry: the public key is not an uncompressed point");
        assembly {
            x := mload(add(point, 33))
            y := mload(add(point, 65))
        }
    }

    function decisionKey(string memory caseId, string memory taskId) public pure returns (bytes32) {
        return keccak256(abi.encodePacked(caseId, "/", taskId));
    }
}
