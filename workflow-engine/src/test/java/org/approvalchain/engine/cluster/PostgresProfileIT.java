package org.approvalchain.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.EngineNode;
import org.approvalchain.engine.support.OwnEngine;
import org.approvalchain.engine.support.PostgresSchema;
import org.approvalchain.engine.support.Sm2DecisionSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** The engine on the {@code postgres} profile, on a fresh schema of the real PostgreSQL server. */
@OwnEngine
class PostgresProfileIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    void runsALicenceApplicationToTheEndWithAClientSignedDecision() {
        try (PostgresSchema schema = PostgresSchema.create("profile");
             EngineNode node = EngineNode.start("postgres_profile", schema, dataDir)) {
            ApiClient officer = node.as("wang.fang");

            String caseId = officer.startCase("licence-application",
                    Map.of("applicantAge", 30, "licenceType", "food-business"), Map.of("name", "张三"));
            String taskId = officer.awaitOpenTask(caseId, "Activity_ReviewApplication", TIMEOUT);
            JsonNode recorded = officer.decide(taskId, "APPROVE", "材料齐全",
                    Sm2DecisionSigner.demoUser(dataDir, "wang.fang")::sign);
            JsonNode done = officer.awaitState(caseId, "COMPLETED", TIMEOUT);

            assertThat(recorded.path("decision").asText()).isEqualTo("APPROVE");
            assertThat(recorded.path("decisionTxHash").asText()).startsWith("0x");
            assertThat(done.path("steps")).extracting(step -> step.path("activityId").asText())
                    .containsExactly("Activity_CheckEligibility", "Activity_ReviewApplication", "Activity_IssueLicence");
            JdbcTemplate db = node.bean(JdbcTemplate.class);
            assertThat(db.queryForObject("SELECT current_schema()", String.class)).isEqualTo(schema.name());
            assertThat(db.queryForObject("SELECT count(*) FROM ac_case_step WHERE case_id = ?", Integer.class, caseId))
                    .isEqualTo(3);
        }
    }
}
