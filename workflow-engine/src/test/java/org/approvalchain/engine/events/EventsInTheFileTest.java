package org.approvalchain.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.approvalchain.engine.database.EmbeddedStore;
import org.approvalchain.engine.database.WholeCommits;
import org.approvalchain.engine.support.WhatAKillLeaves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An event reaches its receiver only once the database's file has what it tells: the engine's own
 * database (its URL as {@code application.yml} gives it: H2 writes a commit only when the engine
 * stores, {@link WholeCommits}), and a copy of its file taken as the event is sent ({@link
 * WhatAKillLeaves}).
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({Outbox.class, Subscriptions.class, CaseEvents.class, EventSigningKey.class, EventsInTheFileTest.Properties.class})
class EventsInTheFileTest {

    @TestConfiguration
    @EnableConfigurationProperties(EventsProperties.class)
    static class Properties {
    }

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void engineDatabase(DynamicPropertyRegistry registry) {
        registry.add("approvalchain.data-dir", dir::toString);
        registry.add("approvalchain.events.signing-key-file", () -> dir.resolve("events-sm2.key").toString());
    }

    @Autowired
    Outbox outbox;
    @Autowired
    Subscriptions subscriptions;
    @Autowired
    CaseEvents events;
    @Autowired
    EventsProperties properties;
    @Autowired
    DataSource dataSource;

    @Test
    void anEventLeavesOnlyOnceWhatItTellsIsInTheFile() throws Exception {
        EmbeddedStore store = new EmbeddedStore(new WholeCommits(dataSource));
        store.writeWhatItHolds(); // the tables as the migrations made them
        subscriptions.add("https://receiver.example/hook", List.of(CaseEventType.CASE_STARTED.type()), "sixteen characters",
                "demo");
        events.publish(CaseEventType.CASE_STARTED, "case-in-the-file", Map.of("processKey", "licence"), null);
        assertThat(eventsAfterCrash()).as("committed, not written: what a kill -9 leaves now").isZero();

        List<Integer> eventsWhenSent = new ArrayList<>();
        EventTransport receiver = new EventTransport() {
            @Override
            public Delivery.Transport transport() {
                return Delivery.Transport.WEBHOOK;
            }

            @Override
            public void send(Delivery delivery) throws Exception {
                eventsWhenSent.add(eventsAfterCrash());
            }
        };
        assertThat(new Dispatcher(outbox, properties, List.of(receiver), store).dispatchDue()).isEqualTo(1);

        assertThat(eventsWhenSent).as("the event in what a kill -9 leaves as it is sent").containsExactly(1);
    }

    /** Opens a copy of the database's file as it is now, as the engine would after a kill -9. */
    private int eventsAfterCrash() throws SQLException, IOException {
        return afterAKill().count("SELECT COUNT(*) FROM ac_event WHERE case_id = ?", "case-in-the-file");
    }

    private static WhatAKillLeaves afterAKill() {
        return new WhatAKillLeaves(dir.resolve("engine/camunda"));
    }
}
