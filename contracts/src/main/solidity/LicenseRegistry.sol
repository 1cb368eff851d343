pragma solidity ^0.5.2;

import "./DepartmentAccess.sol";

/// @title Electronic licences (电子证照): issue, verify, revoke.
/// @notice Times are chain time as the chain gives it (FISCO BCOS: milliseconds since the epoch).
contract LicenseRegistry is DepartmentAccess {
    /// @dev The issuer, the time of issue and the revocation share one storage slot, the validity period
    ///      another: every slot is a path in the state trie the chain keeps (an issue writes 4, not 6).
    struct License {
        string licenseType;
        bytes32 holderHash;
        address issuer;
        uint48 issuedAt;
        bool revoked;
        uint64 validFrom;
        uint64 validUntil;
        string revocationReason;
    }

    mapping(bytes32 => License) private licenses;

    event LicenseIssued(string licenseNo, string licenseType, bytes32 holderHash, address indexed issuer,
                        uint256 validFrom, uint256 validUntil);
    event LicenseRevoked(string licenseNo, address indexed revokedBy, string reason);

    function issue(string calldata licenseNo, string calldata licenseType, bytes32 holderHash,
                   uint256 validFrom, uint256 validUntil) external onlyWriter {
        require(bytes(licenseNo).length > 0, "LicenseRegistry: empty licence number");
        require(holderHash != bytes32(0), "LicenseRegistry: empty holder hash");
        require(validUntil > validFrom, "LicenseRegistry: validity ends before it starts");
        require(validUntil <= uint64(-1), "LicenseRegistry: validity out of range");
        License storage l = licenses[keccak256(bytes(licenseNo))];
        require(l.issuedAt == 0, "LicenseRegistry: licence number already issued");
        l.licenseType = licenseType;
        l.holderHash = holderHash;
        l.issuer = _msgSender();
        l.issuedAt = uint48(now);
        l.validFrom = uint64(validFrom);
        l.validUntil = uint64(validUntil);
        emit LicenseIssued(licenseNo, licenseType, holderHash, _msgSender(), validFrom, validUntil);
    }

    function revoke(string calldata licenseNo, string calldata reason) external {
        License storage l = licenses[keccak256(bytes(licenseNo))];
        require(l.issuedAt != 0, "LicenseRegistry: unknown licence");
        require(_msgSender() == l.issuer || _msgSender() == admin, "LicenseRegistry: only the issuer or admin may revoke");
        require(!l.revoked, "LicenseRegistry: licence already revoked");
        require(bytes(reason).length > 0, "LicenseRegistry: empty revocation reason");
        l.revoked = true;
        l.revocationReason = reason;
        emit LicenseRevoked(licenseNo, _msgSender(), reason);
    }

    /// @return valid true when issued, not revoked, and chain time lies within the validity period.
    function verify(string calldata licenseNo, bytes32 holderHash) external view returns (
        bool valid, string memory licenseType, address issuer, uint256 validFrom, uint256 validUntil,
        bool revoked) {
        License storage l = licenses[keccak256(bytes(licenseNo))];
        bool current = l.issuedAt != 0 && !l.revoked && l.holderHash == holderHash
            && now >= l.validFrom && now <= l.validUntil;
        return (current, l.licenseType, l.issuer, l.validFrom, l.validUntil, l.revoked);
    }

    function revocationReason(string calldata licenseNo) external view returns (string memory) {
        return licenses[keccak256(bytes(licenseNo))].revocationReason;
    }
}
