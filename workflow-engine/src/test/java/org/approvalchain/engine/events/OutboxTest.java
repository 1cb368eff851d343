package org.approvalchain.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox on the tables of migration V7 ({@code @JdbcTest}: an empty embedded H2, each test
 * rolled back unless it says otherwise): an event is kept only when a subscription of its type
 * would receive it; deliveries go to the subscriptions of the event's type only; a claimed
 * delivery is nobody else's until its claim expires, also when two nodes race for the same rows; a
 * failure waits for its next attempt; the backlog counts what is undelivered.
 * {@link OutboxPostgresIT} runs the same on PostgreSQL.
 */
@JdbcTest
@Import({Outbox.class, Subscriptions.class, CaseEvents.class, EventSigningKey.class, OutboxTest.Properties.class})
class OutboxTest {

    /**
     * The dispatchers' clock in these tests: after every event the test adds (an event is due from
     * when it was added); in milliseconds, which the databases keep exactly (they round nanoseconds).
     */
    static final Instant T0 = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);

    @TestConfiguration
    @EnableConfigurationProperties(EventsProperties.class)
    static class Properties {
    }

    @Autowired
    Outbox outbox;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseEvents events;

    @TempDir
    static Path keys;

    @DynamicPropertySource
    static void eventsKey(DynamicPropertyRegistry registry) {
        registry.add("approvalchain.events.signing-key-file", () -> keys.resolve("events-sm2.key").toString());
    }

    @Test
    void anEventIsKeptOnlyWhenASubscriptionOfItsTypeWouldReceiveIt() {
        events.publish(CaseEventType.CASE_STARTED, "case-1", Map.of("processKey", "licence"), null);
        subscriptions.add("https://a.example/hook", List.of(CaseEventType.CASE_ENDED.type()), "sixteen characters", "demo");
        events.publish(CaseEventType.CASE_STARTED, "case-2", Map.of("processKey", "licence"), null);
        assertThat(jdbc.queryForList("SELECT case_id FROM ac_event", String.class)).as("nobody to receive them").isEmpty();

        subscriptions.add("https://b.example/hook", List.of(CaseEventType.CASE_STARTED.type()), "sixteen characters", "demo");
        events.publish(CaseEventType.CASE_STARTED, "case-3", Map.of("processKey", "licence"), null);
        assertThat(jdbc.queryForList("SELECT case_id FROM ac_event", String.class)).containsExactly("case-3");
        assertThat(outbox.claim("node-a", 10, T0, T0.plusSeconds(60))).singleElement()
                .satisfies(d -> assertThat(d.url()).isEqualTo("https://b.example/hook"));
    }

    @Test
    void deliversOnlyToTheSubscriptionsOfTheEventsType() {
        Subscription ended = subscriptions.add("https://a.example/hook", List.of(CaseEventType.CASE_ENDED.type()),
                "sixteen characters", "demo");
        subscriptions.add("https://b.example/hook", List.of(CaseEventType.TASK_CREATED.type()), "sixteen characters", "demo");

        outbox.add("event-1", CaseEventType.CASE_ENDED, "case-1", "{}");

        List<Delivery> claimed = outbox.claim("node-a", 10, T0, T0.plusSeconds(60));
        assertThat(claimed).singleElement().satisfies(d -> {
            assertThat(d.subscriptionId()).isEqualTo(ended.id());
            assertThat(d.url()).isEqualTo("https://a.example/hook");
            assertThat(d.type()).isEqualTo(CaseEventType.CASE_ENDED.type());
        });
    }

    @Test
    void aClaimedDeliveryIsNobodyElsesUntilTheClaimExpires() {
        subscriptions.add("https://a.example/hook", List.of(CaseEventType.CASE_STARTED.type()), "sixteen characters", "demo");
        outbox.add("event-1", CaseEventType.CASE_STARTED, "case-1", "{}");

        assertThat(outbox.claim("node-a", 10, T0, T0.plusSeconds(60))).hasSize(1);
        assertThat(outbox.claim("node-b", 10, T0.plusSeconds(30), T0.plusSeconds(90))).as("claimed by node-a").isEmpty();
        List<Delivery> taken = outbox.claim("node-b", 10, T0.plusSeconds(61), T0.plusSeconds(121));
        assertThat(taken).as("node-a's claim expired (node-a died)").hasSize(1);

        outbox.delivered(taken.get(0), "node-a");
        assertThat(outbox.undelivered(null)).as("only the claimant marks it").isEqualTo(1);
        outbox.delivered(taken.get(0), "node-b");
        assertThat(outbox.undelivered(null)).isZero();
        assertThat(outbox.claim("node-c", 10, T0.plusSeconds(200), T0.plusSeconds(260))).isEmpty();
    }

    @Test
    void aFailedDeliveryWaitsForItsNextAttemptAndCountsIt() {
        Subscription s = subscriptions.add("https://a.example/hook", List.of(CaseEventType.CASE_STARTED.type()),
                "sixteen characters", "demo");
        outbox.add("event-1", CaseEventType.CASE_STARTED, "case-1", "{}");
        Delivery first = outbox.claim("node-a", 10, T0, T0.plusSeconds(60)).get(0);

        outbox.failed(first, "node-a", "ConnectException", T0.plusSeconds(4));

        assertThat(outbox.claim("node-a", 10, T0.plusSeconds(3), T0.plusSeconds(63))).isEmpty();
        assertThat(outbox.claim("node-a", 10, T0.plusSeconds(4), T0.plusSeconds(64)))
                .singleElement().satisfies(d -> assertThat(d.attempts()).isEqualTo(1));
        assertThat(outbox.undelivered(s.id())).isEqualTo(1);
        assertThat(outbox.oldestUndelivered()).isPresent();
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void twoNodesRacingForTheSameDeliveriesClaimEachOnce() throws Exception {
        Subscription s = subscriptions.add("https://a.example/hook", List.of(CaseEventType.CASE_STARTED.type()),
                "sixteen characters", "demo");
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 40; i++) {
                outbox.add("race-" + i, CaseEventType.CASE_STARTED, "case-race", "{}");
            }
            Future<List<Long>> a = nodes.submit(() -> claimAll("node-a"));
            Future<List<Long>> b = nodes.submit(() -> claimAll("node-b"));
            List<Long> byA = a.get(30, TimeUnit.SECONDS);
            List<Long> byB = b.get(30, TimeUnit.SECONDS);

            // (one node may win every claim on a busy machine: then the other's list is empty)
            assertThat(byA).as("claimed by both nodes").filteredOn(byB::contains).isEmpty();
            assertThat(byA.size() + byB.size()).isEqualTo(40);
        } finally {
            nodes.shutdownNow();
            subscriptions.remove(s.id());
            jdbc.update("DELETE FROM ac_event WHERE case_id = 'case-race'");
        }
    }

    private List<Long> claimAll(String node) {
        List<Long> claimed = new ArrayList<>();
        List<Delivery> batch;
        while (!(batch = outbox.claim(node, 3, T0, T0.plusSeconds(60))).isEmpty()) {
            batch.forEach(d -> claimed.add(d.id()));
        }
        return claimed;
    }

    @Test
    void removingASubscriptionDropsItsWaitingDeliveries() {
        Subscription s = subscriptions.add("https://a.example/hook", List.of(CaseEventType.CASE_STARTED.type()),
                "sixteen characters", "demo");
        outbox.add("event-1", CaseEventType.CASE_STARTED, "case-1", "{}");

        subscriptions.remove(s.id());

        assertThat(outbox.undelivered(null)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ac_event", Long.class)).as("the event stays").isEqualTo(1);
    }
}
