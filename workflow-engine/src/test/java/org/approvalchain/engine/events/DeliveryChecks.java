package org.approvalchain.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** What every transport's test checks of what its receiver got: at least once, and a duplicate is the same event. */
final class DeliveryChecks {

    private DeliveryChecks() {
    }

    /**
     * Waits until every one of {@code published} has arrived among {@code received} (polled; events
     * are not ordered, a retried one may come after later ones), checks that every id that arrived
     * twice came with the same document, and answers the published events, each once.
     */
    static List<ReceivedEvent> awaitEvery(Set<String> published, Duration timeout, Supplier<List<ReceivedEvent>> received) {
        until(published.size() + " published events", timeout,
                () -> received.get().stream().map(ReceivedEvent::id).collect(Collectors.toSet()).containsAll(published));
        Map<String, Set<String>> bodiesById = new HashMap<>();
        received.get().forEach(e -> bodiesById.computeIfAbsent(e.id(), id -> new HashSet<>()).add(e.body()));
        assertThat(bodiesById.values()).as("a duplicate is the same event").allSatisfy(b -> assertThat(b).hasSize(1));
        Map<String, ReceivedEvent> byId = new HashMap<>();
        received.get().stream().filter(e -> published.contains(e.id())).forEach(e -> byId.putIfAbsent(e.id(), e));
        return List.copyOf(byId.values());
    }

    /** Polls {@code condition} until it holds, failing after {@code timeout}. */
    static void until(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited for " + what).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
