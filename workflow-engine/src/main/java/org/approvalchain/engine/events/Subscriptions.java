package org.approvalchain.engine.events;

import static org.approvalchain.engine.events.SubscriptionException.Kind.INVALID;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Webhook subscriptions ({@code ac_event_subscription}): an absolute http(s) URL, the event types
 * it takes (at least one, each a {@link CaseEventType}) and the secret its deliveries are signed
 * with (HMAC-SHA256). A subscription receives the events published after it was made; removing it
 * drops its waiting deliveries.
 */
@Service
public class Subscriptions {

    /** The longest URL kept (the column's size). */
    static final int MAX_URL_LENGTH = 2000;
    static final int MIN_SECRET_LENGTH = 16;
    static final int MAX_SECRET_LENGTH = 200;

    private final JdbcTemplate jdbc;
    private final Outbox outbox;

    Subscriptions(JdbcTemplate jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /**
     * Subscribes {@code url} to {@code eventTypes}.
     *
     * @throws SubscriptionException INVALID naming the field: not an absolute http(s) URL of at most
     *     {@value #MAX_URL_LENGTH} characters, no or an
     *     unknown event type, a secret shorter than {@value #MIN_SECRET_LENGTH} or longer than
     *     {@value #MAX_SECRET_LENGTH} characters
     */
    public Subscription add(String url, List<String> eventTypes, String secret, String createdBy) {
        URI target = checkedUrl(url);
        List<String> types = checkedTypes(eventTypes);
        if (secret == null || secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH) {
            throw new SubscriptionException(INVALID, "secret", "EVENTS-003 secret must have " + MIN_SECRET_LENGTH
                    + " to " + MAX_SECRET_LENGTH + " characters");
        }
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        jdbc.update("INSERT INTO ac_event_subscription (id, url, event_types, secret, created_by, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", id, target.toString(), "," + String.join(",", types) + ",", secret,
                createdBy, Timestamp.from(now));
        return new Subscription(id, target.toString(), types, createdBy, now, 0);
    }

    /** Every subscription, oldest first, with its waiting deliveries. */
    public List<Subscription> all() {
        return jdbc.query("SELECT * FROM ac_event_subscription ORDER BY created_at, id", this::subscription);
    }

    /**
     * Removes the subscription and its waiting deliveries.
     *
     * @throws SubscriptionException NOT_FOUND when there is none by that id
     */
    public void remove(String id) {
        if (jdbc.update("DELETE FROM ac_event_subscription WHERE id = ?", id) == 0) {
            throw new SubscriptionException(SubscriptionException.Kind.NOT_FOUND, null,
                    "EVENTS-004 no event subscription " + id);
        }
    }

    private static URI checkedUrl(String url) {
        if (url != null && url.length() > MAX_URL_LENGTH) {
            throw new SubscriptionException(INVALID, "url", "EVENTS-001 url must have at most " + MAX_URL_LENGTH
                    + " characters, has " + url.length());
        }
        try {
            URI uri = new URI(url == null ? "" : url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException invalid) {
            // answered below, as for any other URL we cannot call
        }
        throw new SubscriptionException(INVALID, "url", "EVENTS-001 url must be an absolute http or https URL with a host: '"
                + url + "'");
    }

    private static List<String> checkedTypes(List<String> eventTypes) {
        List<String> known = Arrays.stream(CaseEventType.values()).map(CaseEventType::type).toList();
        if (eventTypes == null || eventTypes.isEmpty() || !known.containsAll(eventTypes)) {
            List<String> unknown = eventTypes == null ? List.of() : eventTypes.stream().filter(t -> !known.contains(t)).toList();
            throw new SubscriptionException(INVALID, "eventTypes", "EVENTS-002 eventTypes must name at least one of "
                    + known + (unknown.isEmpty() ? "" : "; unknown: " + unknown));
        }
        return eventTypes.stream().distinct().toList();
    }

    private Subscription subscription(ResultSet row, int n) throws SQLException {
        String id = row.getString("id");
        String types = row.getString("event_types");
        return new Subscription(id, row.getString("url"), List.of(types.substring(1, types.length() - 1).split(",")),
                row.getString("created_by"), row.getTimestamp("created_at").toInstant(), outbox.undelivered(id));
    }
}
