package org.approvalchain.engine.api;

import java.security.Principal;

import org.approvalchain.engine.identity.UserDirectory;
import org.approvalchain.engine.process.CaseException;
import org.approvalchain.engine.signing.ApproverKey;
import org.approvalchain.engine.signing.ApproverKeys;
import org.approvalchain.engine.signing.InvalidApproverKeyException;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Administration: registering an approver's public key (the private key never comes here). */
@RestController
class AdminController {

    private final ApproverKeys keys;
    private final UserDirectory users;

    AdminController(ApproverKeys keys, UserDirectory users) {
        this.keys = keys;
        this.users = users;
    }

    record RegisteredKey(String userId, String publicKey, String fingerprint) {
    }

    /**
     * @param pem the approver's SM2 public key as PEM SubjectPublicKeyInfo, or an SM2 X.509 certificate
     */
    @PutMapping(path = "/api/admin/approvers/{userId}/key",
            consumes = {MediaType.TEXT_PLAIN_VALUE, "application/x-pem-file", "application/pkix-cert"})
    @PreAuthorize("hasAuthority('GROUP_camunda-admin')")
    RegisteredKey register(@PathVariable String userId, @RequestBody String pem, Principal admin) {
        ApproverKey key;
        try {
            key = ApproverKey.fromPem(pem);
        } catch (InvalidApproverKeyException e) {
            throw new IllegalArgumentException("not an SM2 public key or certificate: " + e.getMessage());
        }
        if (!users.exists(userId)) {
            throw new CaseException(CaseException.Kind.NOT_FOUND, "no user '" + userId + "' in the identity service");
        }
        keys.register(userId, key, admin.getName());
        return new RegisteredKey(userId, key.pointHex(), key.fingerprint());
    }
}
