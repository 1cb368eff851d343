package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;

import org.approvalchain.engine.database.WholeCommits;
import org.approvalchain.engine.events.CaseEventType;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.OwnEngine;
import org.approvalchain.engine.support.WhatAKillLeaves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running engine answers only once what it read is in its database's file: its filter is
 * registered on the API, in front, and writes the store the engine's connections write. A commit
 * is made here on a connection of the pool behind {@link WholeCommits}, on the engine's own database
 * URL, whose H2 never writes a commit by itself: it stays visible and unwritten, as a commit of the
 * engine's does until something leaves the engine (or the compaction stores); a copy of the file
 * ({@link WhatAKillLeaves}) stands for what a {@code kill -9} leaves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.process-engine-name=storedbeforeanswered")
@DirtiesContext
@OwnEngine
class StoredBeforeAnsweredIT {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void engineDatabase(DynamicPropertyRegistry registry) {
        registry.add("approvalchain.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    @Test
    void whatAnAnswerShowedIsInTheFileWhenItArrives() throws Exception {
        ApiClient operator = ApiClient.demoUser("http://localhost:" + port, "demo");
        operator.request("GET", "/api/admin/event-subscriptions", null).accepted(); // the engine as started, written

        String id = committedNotWritten();

        assertThat(StreamSupport.stream(operator.request("GET", "/api/admin/event-subscriptions", null).accepted()
                .spliterator(), false).map(s -> s.path("id").asText())).as("what the answer shows").contains(id);

        assertThat(subscriptionsAfterCrash(id)).as("what a kill -9 leaves once the answer has arrived").isEqualTo(1);
    }

    /** The health the actuator answers with reads the database too (the chain journal's backlog). */
    @Test
    void whatTheActuatorAnswersWithIsInTheFileWhenItArrives() throws Exception {
        ApiClient anonymous = ApiClient.anonymous("http://localhost:" + port);
        String id = committedNotWritten();

        assertThat(anonymous.health().path("status").asText()).as("the engine's health").isNotEmpty();

        assertThat(subscriptionsAfterCrash(id)).as("what a kill -9 leaves once the health has arrived").isEqualTo(1);
    }

    /** A subscription's id, committed on a connection behind the engine's and not yet in the file. */
    private String committedNotWritten() throws Exception {
        String id = UUID.randomUUID().toString();
        new JdbcTemplate(WholeCommits.of(dataSource).getTargetDataSource()).update("INSERT INTO ac_event_subscription"
                + " (id, url, event_types, secret, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)", id,
                "https://receiver.example/hook", "," + CaseEventType.CASE_ENDED.type() + ",", "sixteen characters", "demo",
                Timestamp.from(Instant.now()));
        assertThat(subscriptionsAfterCrash(id)).as("committed, not written: what a kill -9 leaves now").isZero();
        return id;
    }

    /** Opens a copy of the engine's file as it is now, as the engine would after a kill -9. */
    private int subscriptionsAfterCrash(String id) throws Exception {
        return afterAKill().count("SELECT COUNT(*) FROM ac_event_subscription WHERE id = ?", id);
    }

    private static WhatAKillLeaves afterAKill() {
        return new WhatAKillLeaves(dataDir.resolve("engine/camunda"));
    }
}
