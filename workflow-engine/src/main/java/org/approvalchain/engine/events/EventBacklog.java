package org.approvalchain.engine.events;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The events not yet delivered, for metrics and the admin API: how many deliveries are waiting
 * (to every webhook subscription and RabbitMQ together) and since when the oldest.
 */
@Component
public class EventBacklog {

    private final Outbox outbox;

    EventBacklog(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Deliveries not yet made, over all targets. */
    public long undelivered() {
        return outbox.undelivered(null);
    }

    /** When the oldest event that still waits for a delivery was published; empty when none waits. */
    public Optional<Instant> oldestUndelivered() {
        return outbox.oldestUndelivered();
    }
}
