pragma solidity ^0.5.2;

import "./DepartmentAccess.sol";

/// @title Anchors of deployed process versions.
/// @notice A legal reviewer compares the SM3 hash of a process version's BPMN and of its
///         automation map against the anchor recorded here at deployment.
contract DefinitionRegistry is DepartmentAccess {
    struct Anchor {
        bytes32 bpmnHash;
        bytes32 automationMapHash;
        uint256 anchoredAt;
        address anchoredBy;
    }

    mapping(bytes32 => Anchor) private anchors;

    event DefinitionAnchored(string processKey, uint256 version, bytes32 bpmnHash, bytes32 automationMapHash);

    function anchor(string calldata processKey, uint256 version, bytes32 bpmnHash, bytes32 automationMapHash)
        external onlyWriter {
        require(bytes(processKey).length > 0, "DefinitionRegistry: empty process key");
        require(version > 0, "DefinitionRegistry: version must be positive");
        require(bpmnHash != bytes32(0), "DefinitionRegistry: empty BPMN hash");
        bytes32 key = keccak256(abi.encodePacked(processKey, version));
        require(anchors[key].anchoredAt == 0, "DefinitionRegistry: version already anchored");
        anchors[key] = Anchor(bpmnHash, automationMapHash, now, _msgSender());
        emit DefinitionAnchored(processKey, version, bpmnHash, automationMapHash);
    }

    function getAnchor(string calldata processKey, uint256 version) external view returns (
        bytes32 bpmnHash, bytes32 automationMapHash, uint256 anchoredAt, address anchoredBy) {
        Anchor storage a = anchors[keccak256(abi.encodePacked(processKey, version))];
        return (a.bpmnHash, a.automationMapHash, a.anchoredAt, a.anchoredBy);
    }
}
