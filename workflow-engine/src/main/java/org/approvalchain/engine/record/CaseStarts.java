package org.approvalchain.engine.record;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Cases started with an idempotency key ({@code ac_case_start}): which case a user's key opened,
 * for which request. The one place this table is read and written.
 */
@Repository
public class CaseStarts {

    private final JdbcTemplate jdbc;

    CaseStarts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The case a key opened, and the SM3 of the request that opened it. */
    public record Started(String processKey, String requestSm3, String caseId) {
    }

    /**
     * Keeps the case a key opened, in the caller's transaction.
     *
     * @throws org.springframework.dao.DataIntegrityViolationException when the user's key opened a case already
     */
    public void add(String userId, String key, Started started) {
        jdbc.update("INSERT INTO ac_case_start (user_id, idempotency_key, process_key, request_sm3, case_id, started_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", userId, key, started.processKey(), started.requestSm3(), started.caseId(),
                Timestamp.from(Instant.now()));
    }

    public Optional<Started> find(String userId, String key) {
        return jdbc.query("SELECT process_key, request_sm3, case_id FROM ac_case_start WHERE user_id = ? AND idempotency_key = ?",
                (rs, n) -> new Started(rs.getString(1), rs.getString(2), rs.getString(3)), userId, key).stream().findFirst();
    }
}
