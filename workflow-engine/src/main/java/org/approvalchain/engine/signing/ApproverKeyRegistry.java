package org.approvalchain.engine.signing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approvers' registered SM2 public keys in the engine database ({@code ac_approver_key}).
 * Registering again replaces the key; decisions already recorded keep the key they were verified
 * with, on chain and in the case record.
 */
@Repository
class ApproverKeyRegistry implements ApproverKeys {

    private final JdbcTemplate jdbc;

    ApproverKeyRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ApproverKey> find(String userId) {
        return jdbc.queryForList("SELECT public_key_hex FROM ac_approver_key WHERE user_id = ?", String.class, userId)
                .stream().findFirst().map(ApproverKey::fromPointHex);
    }

    @Override
    @Transactional
    public void register(String userId, ApproverKey key, String registeredBy) {
        jdbc.update("DELETE FROM ac_approver_key WHERE user_id = ?", userId);
        jdbc.update("INSERT INTO ac_approver_key (user_id, public_key_hex, fingerprint, pem, registered_by, registered_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", userId, key.pointHex(), key.fingerprint(), key.toPem(), registeredBy,
                Timestamp.from(Instant.now()));
    }
}
