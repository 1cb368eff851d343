package org.approvalchain.engine.proxy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The authorisations as their principals signed them ({@code ac_proxy_authorisation}); the one place it is read and written. */
@Repository
class AuthorisationStore {

    private static final String COLUMNS = "id, principal_id, agent_id, services, valid_from, valid_until, granted_at, "
            + "grant_tx, revoked_at";

    private final JdbcTemplate jdbc;

    AuthorisationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An authorisation as kept here; {@code revokedAt} null while not revoked. */
    record Kept(String id, String principal, String agent, List<String> services, Instant validFrom, Instant validUntil,
                Instant grantedAt, String grantTx, Instant revokedAt) {
    }

    /** Keeps a granted authorisation; a second grant of the same document keeps the first. */
    void add(String id, AuthorisationDocument document, String text, String signature, String grantTx) {
        if (find(id).isEmpty()) {
            jdbc.update("INSERT INTO ac_proxy_authorisation (id, principal_id, agent_id, services, valid_from, valid_until, "
                            + "document, signature, granted_at, grant_tx) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id,
                    document.principal(), document.agent(), document.scope(), Timestamp.from(document.validFrom()),
                    Timestamp.from(document.validUntil()), text, signature, Timestamp.from(Instant.now()), grantTx);
        }
    }

    void revoked(String id, String revocation, String signature) {
        jdbc.update("UPDATE ac_proxy_authorisation SET revocation = ?, revocation_signature = ?, revoked_at = ? "
                + "WHERE id = ? AND revoked_at IS NULL", revocation, signature, Timestamp.from(Instant.now()), id);
    }

    Optional<Kept> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ac_proxy_authorisation WHERE id = ?", AuthorisationStore::kept, id)
                .stream().findFirst();
    }

    /** The user's authorisations, as principal or as agent, newest first. */
    List<Kept> of(String userId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ac_proxy_authorisation WHERE principal_id = ? OR agent_id = ? "
                + "ORDER BY granted_at DESC, id", AuthorisationStore::kept, userId, userId);
    }

    /** The authorisations the principal gave the agent, newest first. */
    List<Kept> between(String principal, String agent) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ac_proxy_authorisation WHERE principal_id = ? AND agent_id = ? "
                + "ORDER BY granted_at DESC, id", AuthorisationStore::kept, principal, agent);
    }

    private static Kept kept(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp(9);
        return new Kept(rs.getString(1), rs.getString(2), rs.getString(3), List.of(rs.getString(4).split(",")),
                rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(),
                rs.getString(8), revoked == null ? null : revoked.toInstant());
    }
}
