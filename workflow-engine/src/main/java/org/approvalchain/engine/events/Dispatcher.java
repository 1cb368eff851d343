package org.approvalchain.engine.events;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.approvalchain.engine.database.EmbeddedStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox at least once, on a thread of its own so that no receiver ever holds up a
 * case or another scheduled task: claims due deliveries (see {@link Outbox#claim}), sends each by
 * its transport, and marks it delivered, or counts the failure and sets the next attempt after an
 * exponential back-off ({@code first-retry}, doubled up to {@code max-retry-interval}). Once a target
 * fails, its other deliveries of the same batch wait for that next attempt untried, so a receiver
 * that is down costs one attempt per back-off, not one per event. Survives restarts: everything it
 * knows is in the outbox. Not in the command-line mode. A batch leaves only once what it tells is
 * in the database's file ({@link EmbeddedStore}): a receiver never hears of a step a crash takes back.
 */
@Component
@ConditionalOnWebApplication
class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Outbox outbox;
    private final EventsProperties properties;
    private final EmbeddedStore store;
    private final Map<Delivery.Transport, EventTransport> transports = new EnumMap<>(Delivery.Transport.class);
    /** Names this node's claims in the outbox. */
    private final String claimant = "dispatcher-" + UUID.randomUUID();
    private volatile Thread thread;

    Dispatcher(Outbox outbox, EventsProperties properties, List<EventTransport> transports, EmbeddedStore store) {
        this.outbox = outbox;
        this.store = store;
        this.properties = properties;
        transports.forEach(t -> this.transports.put(t.transport(), t));
    }

    @Override
    public void start() {
        thread = new Thread(this::run, "event-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        Thread running = thread;
        thread = null;
        running.interrupt();
        try {
            running.join(properties.webhookTimeout().toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void run() {
        while (thread == Thread.currentThread()) {
            int worked = 0;
            try {
                worked = dispatchDue();
            } catch (RuntimeException e) {
                log.warn("EVENTS-101 the outbox could not be read: {}", e.getMessage());
            }
            if (worked == 0) {
                try {
                    Thread.sleep(properties.pollInterval().toMillis());
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }

    /** One batch: returns how many deliveries it claimed. */
    int dispatchDue() {
        Instant now = Instant.now();
        List<Delivery> claimed = outbox.claim(claimant, properties.batchSize(), now, now.plus(properties.claimTime()));
        if (!claimed.isEmpty()) {
            store.writeBefore("a batch of events is sent");
        }
        Map<String, Instant> failedTargets = new HashMap<>();
        for (Delivery d : claimed) {
            String target = d.transport() + " " + d.subscriptionId();
            Instant retry = failedTargets.get(target);
            if (retry != null) {
                outbox.postpone(d, claimant, retry);
                continue;
            }
            try {
                transport(d).send(d);
                outbox.delivered(d, claimant);
            } catch (Exception e) {
                Instant next = Instant.now().plus(backoff(d.attempts() + 1));
                String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
                outbox.failed(d, claimant, error, next);
                failedTargets.put(target, next);
                log.warn("EVENTS-102 event {} to {} failed (attempt {}), next at {}: {}", d.eventId(),
                        d.transport() == Delivery.Transport.WEBHOOK ? d.url() : d.transport(), d.attempts() + 1, next, error);
            }
        }
        return claimed.size();
    }

    private EventTransport transport(Delivery d) {
        EventTransport transport = transports.get(d.transport());
        if (transport == null) {
            throw new IllegalStateException("EVENTS-103 " + d.transport() + " is not enabled on this node");
        }
        return transport;
    }

    /** The wait after the {@code failures}-th failed attempt: first-retry × 2^(failures−1), at most max-retry-interval. */
    Duration backoff(int failures) {
        Duration wait = properties.firstRetry().multipliedBy(1L << Math.min(failures - 1, 30));
        return wait.compareTo(properties.maxRetryInterval()) > 0 ? properties.maxRetryInterval() : wait;
    }
}
