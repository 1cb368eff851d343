package org.approvalchain.engine.api;

import java.security.Principal;

import org.approvalchain.engine.process.ApproverKeyRegistry;
import org.approvalchain.engine.signing.ApproverKey;
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

    private final ApproverKeyRegistry keys;

    AdminController(ApproverKeyRegistry keys) {
        this.keys = keys;
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
        keys.register(userId, key, admin.getName());
        return new RegisteredKey(userId, key.pointHex(), key.fingerprint());
    }
}
