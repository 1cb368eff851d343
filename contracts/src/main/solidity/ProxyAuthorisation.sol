pragma solidity ^0.5.2;

import "./DepartmentAccess.sol";

/// @title Authorised proxy handling (授权代办): an applicant (the principal) authorises an agent to
///        apply for and follow cases of some services on their behalf, for a period, until revoked.
/// @notice The engine records an authorisation only after it verified the principal's SM2 signature
///         over the authorisation document; the chain keeps the document's hash (the authorisation's
///         id), the parties' hashes (never their names), the services and the period, and every
///         action the agent takes under it. An action is recorded only while the authorisation
///         covers it at chain time. Times are chain time (FISCO BCOS: milliseconds since the epoch).
contract ProxyAuthorisation is DepartmentAccess {
    struct Authorisation {
        bytes32 principalHash;
        bytes32 agentHash;
        string scope;
        uint256 validFrom;
        uint256 validUntil;
        bytes32 signatureHash;
        uint256 grantedAt;
        bool revoked;
        bytes32 revocationHash;
        uint256 actions;
    }

    mapping(bytes32 => Authorisation) private authorisations;
    mapping(bytes32 => mapping(bytes32 => bool)) private covered;
    mapping(bytes32 => bool) private recordedActions;

    event AuthorisationGranted(bytes32 id, bytes32 principalHash, bytes32 agentHash, string scope,
                               uint256 validFrom, uint256 validUntil, bytes32 signatureHash);
    event AuthorisationRevoked(bytes32 id, bytes32 revocationHash);
    event ActionRecorded(bytes32 id, string actionKey, string service, string action, string caseId);

    /// @param id the hash of the authorisation document the principal signed
    /// @param scope the services (process keys) it covers, separated by commas, e.g. "a,b"
    function grant(bytes32 id, bytes32 principalHash, bytes32 agentHash, string calldata scope,
                   uint256 validFrom, uint256 validUntil, bytes32 signatureHash) external onlyWriter {
        require(id != bytes32(0), "ProxyAuthorisation: empty id");
        require(principalHash != bytes32(0) && agentHash != bytes32(0), "ProxyAuthorisation: empty party hash");
        require(principalHash != agentHash, "ProxyAuthorisation: principal and agent are the same");
        require(validUntil > validFrom, "ProxyAuthorisation: validity ends before it starts");
        require(signatureHash != bytes32(0), "ProxyAuthorisation: empty signature hash");
        Authorisation storage a = authorisations[id];
        require(a.grantedAt == 0, "ProxyAuthorisation: already granted");
        cover(id, bytes(scope));
        a.principalHash = principalHash;
        a.agentHash = agentHash;
        a.scope = scope;
        a.validFrom = validFrom;
        a.validUntil = validUntil;
        a.signatureHash = signatureHash;
        a.grantedAt = now;
        emit AuthorisationGranted(id, principalHash, agentHash, scope, validFrom, validUntil, signatureHash);
    }

    /// @param revocationHash the hash of the revocation the principal signed
    function revoke(bytes32 id, bytes32 revocationHash) external onlyWriter {
        Authorisation storage a = authorisations[id];
        require(a.grantedAt != 0, "ProxyAuthorisation: unknown authorisation");
        require(!a.revoked, "ProxyAuthorisation: already revoked");
        require(revocationHash != bytes32(0), "ProxyAuthorisation: empty revocation hash");
        a.revoked = true;
        a.revocationHash = revocationHash;
        emit AuthorisationRevoked(id, revocationHash);
    }

    /// @notice Reverts with the reason when the agent may not act for the principal in the service at `at`.
    function isAuthorised(bytes32 id, bytes32 principalHash, bytes32 agentHash, string memory service, uint256 at)
            public view returns (bool) {
        Authorisation storage a = authorisations[id];
        require(a.grantedAt != 0, "ProxyAuthorisation: unknown authorisation");
        require(a.principalHash == principalHash && a.agentHash == agentHash,
            "ProxyAuthorisation: not an authorisation between these parties");
        require(!a.revoked, "ProxyAuthorisation: authorisation revoked");
        require(at >= a.validFrom, "ProxyAuthorisation: authorisation not yet valid");
        require(at <= a.validUntil, "ProxyAuthorisation: authorisation expired");
        require(covered[id][keccak256(bytes(service))], "ProxyAuthorisation: service out of scope");
        return true;
    }

    /// @notice Records what the agent did under the authorisation, once per action key, only while
    ///         it covers the service at chain time.
    function recordAction(bytes32 id, bytes32 principalHash, bytes32 agentHash, string calldata service,
                          string calldata actionKey, string calldata action, string calldata caseId) external onlyWriter {
        isAuthorised(id, principalHash, agentHash, service, now);
        require(bytes(action).length > 0, "ProxyAuthorisation: empty action");
        bytes32 key = keccak256(bytes(actionKey));
        require(bytes(actionKey).length > 0, "ProxyAuthorisation: empty action key");
        require(!recordedActions[key], "ProxyAuthorisation: action already recorded");
        recordedActions[key] = true;
        authorisations[id].actions += 1;
        emit ActionRecorded(id, actionKey, service, action, caseId);
    }

    function getAuthorisation(bytes32 id) external view returns (bytes32 principalHash, bytes32 agentHash,
            string memory scope, uint256 validFrom, uint256 validUntil, uint256 grantedAt, bool revoked,
            uint256 actions) {
        Authorisation storage a = authorisations[id];
        return (a.principalHash, a.agentHash, a.scope, a.validFrom, a.validUntil, a.grantedAt, a.revoked, a.actions);
    }

    /// Marks each comma-separated service of `scope` as covered; an empty service is refused.
    function cover(bytes32 id, bytes memory scope) private {
        require(scope.length > 0, "ProxyAuthorisation: empty scope");
        uint256 start = 0;
        for (uint256 i = 0; i <= scope.length; i++) {
            if (i == scope.length || scope[i] == ",") {
                require(i > start, "ProxyAuthorisation: empty service in scope");
                bytes memory service = new bytes(i - start);
                for (uint256 j = start; j < i; j++) {
                    service[j - start] = scope[j];
                }
                covered[id][keccak256(service)] = true;
                start = i + 1;
            }
        }
    }
}
