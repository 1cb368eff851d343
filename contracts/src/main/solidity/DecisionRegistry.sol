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
    ///      coordinates (2 slots, not 4 as 65 bytes), the signature as its r and s (2 slots, not 4 as
    ///      up to 72 bytes of DER, which getDecision encodes again byte for byte), the decision and its
    ///      time share one slot.
    struct Decision {
        string approverId;
        bytes32 publicKeyX;
        bytes32 publicKeyY;
        bytes32 payloadHash;
        bytes32 signatureR;
        bytes32 signatureS;
        uint8 decision;
        uint48 recordedAt;
    }

    string private constant NOT_DER = "DecisionRegistry: the signature is not a DER-encoded (r, s)";

    mapping(bytes32 => Decision) private decisions;

    event DecisionRecorded(string caseId, string taskId, string approverId, uint8 decision, bytes32 payloadHash);

    function recordDecision(string calldata caseId, string calldata taskId, string calldata approverId,
                            bytes calldata approverPublicKey, uint8 decision, bytes32 payloadHash,
                            bytes calldata signature) external onlyWriter {
        require(decision >= APPROVE && decision <= RETURN_FOR_CORRECTION, "DecisionRegistry: unknown decision");
        require(bytes(approverId).length > 0, "DecisionRegistry: empty approver id");
        require(signature.length > 0, "DecisionRegistry: empty signature");
        Decision storage d = decisions[decisionKey(caseId, taskId)];
        require(d.decision == 0, "DecisionRegistry: decision already recorded");
        (d.publicKeyX, d.publicKeyY) = coordinates(approverPublicKey);
        (d.signatureR, d.signatureS) = integers(signature);
        d.approverId = approverId;
        d.payloadHash = payloadHash;
        d.decision = decision;
        d.recordedAt = uint48(now);
        emit DecisionRecorded(caseId, taskId, approverId, decision, payloadHash);
    }

    function getDecision(string calldata caseId, string calldata taskId) external view returns (
        string memory approverId, bytes memory approverPublicKey, uint8 decision, bytes32 payloadHash,
        bytes memory signature, uint256 recordedAt) {
        Decision storage d = decisions[decisionKey(caseId, taskId)];
        if (d.decision == 0) {
            return ("", "", 0, bytes32(0), "", 0);
        }
        bytes memory point = abi.encodePacked(bytes1(0x04), d.publicKeyX, d.publicKeyY);
        return (d.approverId, point, d.decision, d.payloadHash, der(d.signatureR, d.signatureS), d.recordedAt);
    }

    /// @param signature DER: SEQUENCE { INTEGER r, INTEGER s }, each minimally encoded, at most 32 bytes of value
    function integers(bytes memory signature) private pure returns (bytes32 r, bytes32 s) {
        uint256 n = signature.length;
        require(n >= 8 && n <= 72 && signature[0] == 0x30 && signature[2] == 0x02, NOT_DER);
        uint256 rLength = uint8(signature[3]);
        require(rLength >= 1 && rLength <= 33 && 6 + rLength < n && signature[4 + rLength] == 0x02, NOT_DER);
        r = unsigned(signature, 4, rLength);
        s = unsigned(signature, 6 + rLength, n - 6 - rLength);
        // the one encoding of (r, s): what getDecision returns is then exactly what was signed and sent
        require(keccak256(der(r, s)) == keccak256(signature), NOT_DER);
    }

    /// @dev The big-endian integer of length bytes at from: the 32 bytes there, shifted
    ///      to their last length. Of 33 bytes the first is dropped (DER's zero before a high
    ///      bit; any other is caught when the signature is encoded again).
    function unsigned(bytes memory data, uint256 from, uint256 length) private pure returns (bytes32 value) {
        uint256 start = length > 32 ? from + length - 32 : from;
        uint256 word;
        assembly {
            word := mload(add(add(data, 32), start))
        }
        return bytes32(length >= 32 ? word : word >> (8 * (32 - length)));
    }

    function der(bytes32 r, bytes32 s) private pure returns (bytes memory) {
        bytes memory rInteger = derInteger(uint256(r));
        bytes memory sInteger = derInteger(uint256(s));
        return abi.encodePacked(bytes1(0x30), uint8(rInteger.length + sInteger.length), rInteger, sInteger);
    }

    /// @dev An INTEGER of a non-negative value: its bytes without leading zeros (one byte at least),
    ///      with a zero byte before them when the first has its high bit set.
    function derInteger(uint256 value) private pure returns (bytes memory encoded) {
        uint256 length = 32;
        while (length > 1 && value >> (8 * (length - 1)) == 0) {
            length--;
        }
        uint256 pad = value >> (8 * (length - 1)) >= 0x80 ? 1 : 0;
        encoded = abi.encodePacked(bytes1(0x02), uint8(pad + length), new bytes(pad), bytes32(value << (8 * (32 - length))));
        assembly {
            // the value's bytes are the first of the 32 written: the rest is cut off
            mstore(encoded, add(2, add(pad, length)))
        }
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
