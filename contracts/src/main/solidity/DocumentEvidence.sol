pragma solidity ^0.5.2;

import "./DepartmentAccess.sol";

/// @title Evidence of documents (证明材料) anchored by the authority that issued them.
/// @notice Only the hash is stored. Anyone verifies a hash and sees who anchored it and when.
contract DocumentEvidence is DepartmentAccess {
    /// @dev The issuer, the time and the revocation share one storage slot: every slot is a path in the
    ///      state trie the chain keeps (an anchor writes 2, not 3).
    struct Evidence {
        address issuer;
        uint48 anchoredAt;
        bool revoked;
        string documentType;
    }

    mapping(bytes32 => Evidence) private evidence;

    event DocumentAnchored(bytes32 indexed documentHash, address indexed issuer, string documentType);
    event DocumentRevoked(bytes32 indexed documentHash, address indexed issuer, string reason);
    event EvidenceChecked(string caseId, bytes32 indexed documentHash, string documentType, bool valid);

    function anchor(bytes32 documentHash, string calldata documentType) external onlyWriter {
        require(documentHash != bytes32(0), "DocumentEvidence: empty document hash");
        require(evidence[documentHash].anchoredAt == 0, "DocumentEvidence: document already anchored");
        evidence[documentHash] = Evidence(_msgSender(), uint48(now), false, documentType);
        emit DocumentAnchored(documentHash, _msgSender(), documentType);
    }

    function revoke(bytes32 documentHash, string calldata reason) external onlyWriter {
        Evidence storage e = evidence[documentHash];
        require(e.anchoredAt != 0, "DocumentEvidence: unknown document");
        require(e.issuer == _msgSender(), "DocumentEvidence: only the issuer may revoke");
        require(!e.revoked, "DocumentEvidence: document already revoked");
        e.revoked = true;
        emit DocumentRevoked(documentHash, _msgSender(), reason);
    }

    /// @notice Records on chain, for a case, whether a material is valid evidence of the expected
    ///         type: anchored, not revoked, and anchored as that type (材料核验). Never reverts on
    ///         a missing or invalid document: the answer is the result.
    function check(string calldata caseId, bytes32 documentHash, string calldata documentType) external onlyWriter
        returns (bool valid, string memory issuerDepartment) {
        Evidence storage e = evidence[documentHash];
        valid = e.anchoredAt != 0 && !e.revoked
            && keccak256(bytes(e.documentType)) == keccak256(bytes(documentType));
        issuerDepartment = departmentOf(e.issuer);
        emit EvidenceChecked(caseId, documentHash, documentType, valid);
    }

    function verify(bytes32 documentHash) external view returns (
        bool anchored, address issuer, string memory issuerDepartment, string memory documentType,
        uint256 anchoredAt, bool revoked) {
        Evidence storage e = evidence[documentHash];
        return (e.anchoredAt != 0, e.issuer, departmentOf(e.issuer), e.documentType, e.anchoredAt, e.revoked);
    }
}
