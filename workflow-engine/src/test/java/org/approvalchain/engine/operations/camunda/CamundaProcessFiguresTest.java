package org.approvalchain.engine.operations.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

import org.approvalchain.engine.operations.ProcessFigures.Cases;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cases counted from Camunda's history table as Camunda's own H2 script creates it ({@code
 * @JdbcTest}, each test rolled back): running and ended cases by process, state and end event.
 */
@JdbcTest
class CamundaProcessFiguresTest {

    static final Instant NOW = Instant.parse("2026-12-03T22:00:00Z");

    @Autowired
    JdbcTemplate jdbc;

    CamundaProcessFigures figures;

    @BeforeEach
    void historyTableAsCamundaCreatesIt() throws IOException {
        try (InputStream script = ProcessEngineConfigurationImpl.class
                .getResourceAsStream("/org/camunda/bpm/engine/db/create/activiti.h2.create.history.sql")) {
            Arrays.stream(new String(script.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "").split(";"))
                    .map(String::strip)
                    .filter(statement -> statement.matches("(?is)create (table|index \\w+ on) ACT_HI_PROCINST\\b.*"))
                    .map(statement -> statement.replaceFirst("(?i)^create (table|index)", "create $1 if not exists"))
                    .forEach(jdbc::execute);
        }
        figures = new CamundaProcessFigures(jdbc, null, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void countsRunningAndEndedCasesByProcessStateAndEndEvent() {
        kase("licence-application", "ACTIVE", null, null);
        kase("licence-application", "COMPLETED", "EndEvent_Issued", NOW.minus(Duration.ofDays(30)));
        kase("licence-application", "COMPLETED", "EndEvent_Issued", NOW.minusSeconds(3));
        kase("business-registration", "EXTERNALLY_TERMINATED", null, NOW.minus(Duration.ofHours(1)));

        assertThat(figures.cases()).containsExactlyInAnyOrder(new Cases("licence-application", "ACTIVE", null, 1),
                new Cases("licence-application", "COMPLETED", "EndEvent_Issued", 2),
                new Cases("business-registration", "EXTERNALLY_TERMINATED", null, 1));
    }

    @Test
    void findsTheRunningAndRecentlyEndedCasesByCamundasIndexNotByReadingTheWholeHistory() {
        for (String recent : new String[] {"END_TIME_ IS NULL", "END_TIME_ > ?"}) {
            String plan = jdbc.queryForObject("EXPLAIN SELECT PROC_DEF_KEY_, COUNT(*) FROM ACT_HI_PROCINST WHERE " + recent
                    + " GROUP BY PROC_DEF_KEY_", String.class, recent.contains("?") ? new Object[] {Timestamp.from(NOW)} : new Object[0]);

            assertThat(plan).as(recent).containsIgnoringCase("ACT_IDX_HI_PRO_INST_END");
        }
    }

    private void kase(String process, String state, String endEvent, Instant ended) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_, END_TIME_, "
                        + "END_ACT_ID_, STATE_) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, id, process, process + ":1:x",
                Timestamp.from(NOW.minus(Duration.ofDays(60))), ended == null ? null : Timestamp.from(ended), endEvent, state);
    }
}
