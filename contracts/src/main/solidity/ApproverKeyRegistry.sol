pragma solidity ^0.5.2;

import "./DepartmentAccess.sol";

/// @title Approvers' signing keys: every registration, rotation and revocation, kept for good.
/// @notice An approver's SM2 public key is registered here only with the approver's proof of
///         possession (their signature with the new key over an engine challenge, kept here so that
///         anyone can check it) and the approval of two different administrators (four-eyes), neither
///         of them the approver. A new key ends the validity of the approver's previous key; a
///         revocation ends a key's validity. Nothing is deleted: a decision is checked against the key
///         that was valid when it was signed. Times are milliseconds since 1970, as the chain's.
contract ApproverKeyRegistry is DepartmentAccess {
    struct Registration {
        bytes publicKey;
        uint256 validFrom;
        uint256 validUntil;
        string approvedBy;
        string confirmedBy;
        bytes challenge;
        bytes proof;
        uint256 registeredAt;
        string revokedBy;
    }

    mapping(bytes32 => Registration[]) private registrations;
    mapping(bytes32 => bool) private registeredKeys;

    event KeyRegistered(string approverId, uint256 index, bytes publicKey, uint256 validFrom,
                        string approvedBy, string confirmedBy);
    event KeyRevoked(string approverId, uint256 index, uint256 validUntil, string revokedBy);

    /// @param publicKey the uncompressed SM2 point, 65 bytes starting with 0x04
    /// @param challenge the engine's challenge the approver signed; proof is that signature (DER)
    function registerKey(string memory approverId, bytes memory publicKey, uint256 validFrom,
                         string memory approvedBy, string memory confirmedBy,
                         bytes memory challenge, bytes memory proof) public onlyWriter {
        require(bytes(approverId).length > 0, "ApproverKeyRegistry: empty approver id");
        require(publicKey.length == 65 && publicKey[0] == 0x04,
                "ApproverKeyRegistry: the public key is not an uncompressed point");
        require(challenge.length > 0 && proof.length > 0, "ApproverKeyRegistry: no proof of possession");
        require(bytes(approvedBy).length > 0 && bytes(confirmedBy).length > 0,
                "ApproverKeyRegistry: two administrators must approve");
        require(!same(approvedBy, confirmedBy), "ApproverKeyRegistry: the two administrators must differ");
        require(!same(approvedBy, approverId) && !same(confirmedBy, approverId),
                "ApproverKeyRegistry: approvers cannot approve their own key");
        require(!registeredKeys[keccak256(publicKey)], "ApproverKeyRegistry: key already registered");
        Registration[] storage keys = registrations[keccak256(bytes(approverId))];
        if (keys.length > 0) {
            Registration storage previous = keys[keys.length - 1];
            require(validFrom >= previous.validFrom, "ApproverKeyRegistry: valid from before the current key");
            if (previous.validUntil == 0 || previous.validUntil > validFrom) {
                previous.validUntil = validFrom;
            }
        }
        registeredKeys[keccak256(publicKey)] = true;
        keys.push(Registration(publicKey, validFrom, 0, approvedBy, confirmedBy, challenge, proof, now, ""));
        emit KeyRegistered(approverId, keys.length - 1, publicKey, validFrom, approvedBy, confirmedBy);
    }

    /// @notice Ends the validity of the approver's key number index at time at (not before it began).
    function revokeKey(string memory approverId, uint256 index, uint256 at, string memory revokedBy)
            public onlyWriter {
        require(bytes(revokedBy).length > 0, "ApproverKeyRegistry: who revokes is missing");
        Registration[] storage keys = registrations[keccak256(bytes(approverId))];
        require(index < keys.length, "ApproverKeyRegistry: no such key");
        Registration storage key = keys[index];
        require(bytes(key.revokedBy).length == 0, "ApproverKeyRegistry: key already revoked");
        require(at >= key.validFrom, "ApproverKeyRegistry: revoked before it was valid");
        if (key.validUntil == 0 || key.validUntil > at) {
            key.validUntil = at;
        }
        key.revokedBy = revokedBy;
        emit KeyRevoked(approverId, index, key.validUntil, revokedBy);
    }

    function keyCount(string memory approverId) public view returns (uint256) {
        return registrations[keccak256(bytes(approverId))].length;
    }

    /// @return validUntil 0 while the key is valid
    function getKey(string memory approverId, uint256 index) public view returns (
        bytes memory publicKey, uint256 validFrom, uint256 validUntil, uint256 registeredAt, string memory revokedBy) {
        Registration storage key = registrations[keccak256(bytes(approverId))][index];
        return (key.publicKey, key.validFrom, key.validUntil, key.registeredAt, key.revokedBy);
    }

    /// @return approvedBy and confirmedBy the two administrators; proof the approver's signature over challenge
    function getApproval(string memory approverId, uint256 index) public view returns (
        string memory approvedBy, string memory confirmedBy, bytes memory challenge, bytes memory proof) {
        Registration storage key = registrations[keccak256(bytes(approverId))][index];
        return (key.approvedBy, key.confirmedBy, key.challenge, key.proof);
    }

    function same(string memory a, string memory b) private pure returns (bool) {
        return keccak256(bytes(a)) == keccak256(bytes(b));
    }
}
