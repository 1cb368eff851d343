package org.approvalchain.engine.process;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.approvalchain.engine.signing.ApproverKey;
import org.approvalchain.engine.signing.ApproverKeys;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approvers' registered SM2 public keys ({@code ac_approver_key}), for users of the identity
 * service. Registering again replaces the key; decisions already recorded keep the key they were
 * verified with, on chain and in {@code ac_decision}.
 */
@Repository
public class ApproverKeyRegistry implements ApproverKeys {

    private final JdbcTemplate jdbc;
    private final IdentityService identity;

    ApproverKeyRegistry(JdbcTemplate jdbc, IdentityService identity) {
        this.jdbc = jdbc;
        this.identity = identity;
    }

    @Override
    public Optional<ApproverKey> find(String userId) {
        return jdbc.queryForList("SELECT public_key_hex FROM ac_approver_key WHERE user_id = ?", String.class, userId)
                .stream().findFirst().map(ApproverKey::fromPointHex);
    }

    @Override
    public void register(String userId, ApproverKey key) {
        register(userId, key, "system");
    }

    /** Registers {@code key} for an existing user; {@code registeredBy} is the admin who did it. */
    @Transactional
    public void register(String userId, ApproverKey key, String registeredBy) {
        if (identity.createUserQuery().userId(userId).singleResult() == null) {
            throw new CaseException(CaseException.Kind.NOT_FOUND, "no user '" + userId + "' in the identity service");
        }
        jdbc.update("DELETE FROM ac_approver_key WHERE user_id = ?", userId);
        jdbc.update("INSERT INTO ac_approver_key (user_id, public_key_hex, fingerprint, pem, registered_by, registered_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", userId, key.pointHex(), key.fingerprint(), key.toPem(), registeredBy,
                Timestamp.from(Instant.now()));
    }
}
