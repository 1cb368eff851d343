package org.approvalchain.engine.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The outbox ({@code ac_event}, {@code ac_event_delivery}): events and their deliveries, written in
 * the caller's transaction, claimed by dispatchers. Every statement of the dispatcher's side is a
 * transaction of its own (auto-commit): no connection is held while a receiver is called.
 */
@Repository
class Outbox {

    private final JdbcTemplate jdbc;
    private final boolean rabbitmq;

    Outbox(JdbcTemplate jdbc, EventsProperties properties) {
        this.jdbc = jdbc;
        this.rabbitmq = properties.rabbitmq().enabled();
    }

    /** Whether an event of this type would go anywhere: to RabbitMQ, or to a webhook subscription of its type. */
    boolean anyTarget(CaseEventType type) {
        return rabbitmq || jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM ac_event_subscription WHERE event_types LIKE ?)",
                Boolean.class, subscribedTo(type));
    }

    /** Adds the event and a delivery to every subscription of its type (and to RabbitMQ when enabled). */
    void add(String id, CaseEventType type, String caseId, String body) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO ac_event (id, type, case_id, body, created_at) VALUES (?, ?, ?, ?, ?)",
                id, type.type(), caseId, body, now);
        jdbc.update("INSERT INTO ac_event_delivery (event_id, transport, subscription_id, attempts, next_attempt_at) "
                + "SELECT ?, 'WEBHOOK', id, 0, ? FROM ac_event_subscription WHERE event_types LIKE ?",
                id, now, subscribedTo(type));
        if (rabbitmq) {
            jdbc.update("INSERT INTO ac_event_delivery (event_id, transport, attempts, next_attempt_at) "
                    + "VALUES (?, 'RABBITMQ', 0, ?)", id, now);
        }
    }

    /** Matches the subscriptions' {@code event_types}, a list of types with a comma before and after each. */
    private static String subscribedTo(CaseEventType type) {
        return "%," + type.type() + ",%";
    }

    /**
     * Claims up to {@code limit} due deliveries for {@code claimant} until {@code until}, oldest
     * first. A row is claimed by one conditional update each: of two nodes that race for a row,
     * the database lets one update it and the other find it claimed.
     */
    List<Delivery> claim(String claimant, int limit, Instant now, Instant until) {
        Timestamp at = Timestamp.from(now);
        List<Long> due = jdbc.queryForList("SELECT id FROM ac_event_delivery WHERE delivered_at IS NULL "
                + "AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?) "
                + "ORDER BY next_attempt_at, id LIMIT ?", Long.class, at, at, limit);
        return due.stream().filter(id -> jdbc.update("UPDATE ac_event_delivery SET claimed_by = ?, claimed_until = ? "
                        + "WHERE id = ? AND delivered_at IS NULL AND (claimed_until IS NULL OR claimed_until < ?)",
                        claimant, Timestamp.from(until), id, at) == 1)
                .map(id -> jdbc.queryForObject("SELECT d.id, d.event_id, d.transport, d.subscription_id, d.attempts, "
                        + "e.type, e.body, s.url, s.secret FROM ac_event_delivery d JOIN ac_event e ON e.id = d.event_id "
                        + "LEFT JOIN ac_event_subscription s ON s.id = d.subscription_id WHERE d.id = ?", Outbox::delivery, id))
                .toList();
    }

    void delivered(Delivery d, String claimant) {
        jdbc.update("UPDATE ac_event_delivery SET delivered_at = ?, attempts = attempts + 1, last_error = NULL, "
                + "claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?",
                Timestamp.from(Instant.now()), d.id(), claimant);
    }

    /** Counts a failed attempt and sets the next one. */
    void failed(Delivery d, String claimant, String error, Instant nextAttempt) {
        jdbc.update("UPDATE ac_event_delivery SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, "
                + "claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?",
                error.length() > 1000 ? error.substring(0, 1000) : error, Timestamp.from(nextAttempt), d.id(), claimant);
    }

    /** Gives a claimed delivery back untried, due at {@code nextAttempt} (its target just failed). */
    void postpone(Delivery d, String claimant, Instant nextAttempt) {
        jdbc.update("UPDATE ac_event_delivery SET next_attempt_at = ?, claimed_by = NULL, claimed_until = NULL "
                + "WHERE id = ? AND claimed_by = ?", Timestamp.from(nextAttempt), d.id(), claimant);
    }

    /** Undelivered deliveries, of one subscription or (null) of all targets. */
    long undelivered(String subscriptionId) {
        return subscriptionId == null
                ? jdbc.queryForObject("SELECT COUNT(*) FROM ac_event_delivery WHERE delivered_at IS NULL", Long.class)
                : jdbc.queryForObject("SELECT COUNT(*) FROM ac_event_delivery WHERE delivered_at IS NULL "
                        + "AND subscription_id = ?", Long.class, subscriptionId);
    }

    /** When the oldest undelivered event was published. */
    Optional<Instant> oldestUndelivered() {
        Timestamp oldest = jdbc.queryForObject("SELECT MIN(e.created_at) FROM ac_event_delivery d "
                + "JOIN ac_event e ON e.id = d.event_id WHERE d.delivered_at IS NULL", Timestamp.class);
        return Optional.ofNullable(oldest).map(Timestamp::toInstant);
    }

    private static Delivery delivery(ResultSet row, int n) throws SQLException {
        return new Delivery(row.getLong("id"), row.getString("event_id"), row.getString("type"), row.getString("body"),
                Delivery.Transport.valueOf(row.getString("transport")), row.getString("subscription_id"),
                row.getString("url"), row.getString("secret"), row.getInt("attempts"));
    }
}
