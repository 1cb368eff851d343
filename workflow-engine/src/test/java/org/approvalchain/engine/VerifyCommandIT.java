package org.approvalchain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;

import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.OwnEngine;
import org.approvalchain.engine.support.Sm2DecisionSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command-line verifier, run as the README shows it (in process, without a web server, on the
 * data directory of an engine that has been stopped): exit code 0 for a clean case, 1 once the
 * engine's records were edited, 2 for an unknown case; and it does not even start on a chain whose
 * stored blocks were edited (LEDGER-210).
 */
@OwnEngine
class VerifyCommandIT {

    /** Its own engine name: the shared ITs' engine is "default" (Camunda REST finds engines by name). */
    private static final String ENGINE_NAME = "--camunda.bpm.process-engine-name=verifyit";

    @TempDir
    Path dataDir;

    @Test
    void exitsNonZeroWhenAnythingIsOffAndRefusesATamperedChain() throws Exception {
        String id;
        String waiting;
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(ApprovalChainApplication.class)
                .run("--server.port=0", "--approvalchain.data-dir=" + dataDir, ENGINE_NAME)) {
            int port = ((WebServerApplicationContext) server).getWebServer().getPort();
            id = completedCase("http://localhost:" + port);
            waiting = ApiClient.demoUser("http://localhost:" + port, "wang.fang").startCase("case-messages",
                    Map.of("route", "corrections"), Map.of("name", "王五"));
        }
        String caseId = id;
        assertThat(verify(caseId)).isZero();
        assertThat(printed(() -> assertThat(verify("all")).isZero()))
                .contains("VERIFY-001 case " + caseId + " clean", "VERIFY-004 case " + waiting + " never reached the chain: waiting at");
        assertThat(verify("no-such-case")).isEqualTo(2);

        try (var db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("engine/camunda") + ";WRITE_DELAY=0", "sa", "")) {
            db.createStatement().executeUpdate("UPDATE ac_decision SET reasons = 'edited' WHERE case_id = '" + caseId + "'");
        }
        assertThat(verify(caseId)).isEqualTo(1);
        assertThat(verify("all")).isEqualTo(1);

        try (var db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("engine/camunda") + ";WRITE_DELAY=0", "sa", "")) {
            db.createStatement().executeUpdate("DELETE FROM ac_case_step WHERE case_id = '" + caseId + "'");
            db.createStatement().executeUpdate("DELETE FROM ac_decision WHERE case_id = '" + caseId + "'");
        }
        assertThat(printed(() -> assertThat(verify("all")).isEqualTo(1)))
                // its three steps are on chain but not in the record, its completed review has no decision,
                // and the three decision variables the case shows were made by no recorded decision
                .as("a case whose rows were all deleted is still verified from its steps on chain")
                .contains("VERIFY-002 case " + caseId + ": 7 finding(s)", "EXTRA " + caseId + "/", "MISSING ",
                        "EXTRA case history decision");
        assertThat(verify(caseId)).as("by its id too: its steps are on chain").isEqualTo(1);

        try (var chain = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("ledger/chain"), "ledger", "")) {
            chain.createStatement().executeUpdate("UPDATE blocks SET timestamp = timestamp + 1 WHERE number = 1");
        }
        assertThatThrownBy(() -> verify(caseId)).hasStackTraceContaining("LEDGER-210");
    }

    /** What {@code run} printed on standard output. */
    private static String printed(Runnable run) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private int verify(String which) {
        return ApprovalChainApplication.verify("--approvalchain.data-dir=" + dataDir, "--approvalchain.verify=" + which, ENGINE_NAME);
    }

    private String completedCase(String base) {
        ApiClient wangFang = ApiClient.demoUser(base, "wang.fang");
        String caseId = wangFang.startCase("licence-application", Map.of("applicantAge", 45, "licenceType", "营业执照"),
                Map.of("name", "李四"));
        String taskId = wangFang.awaitOpenTask(caseId, "Activity_ReviewApplication", Duration.ofSeconds(30));
        wangFang.decide(taskId, "APPROVE", "符合条件", Sm2DecisionSigner.demoUser(dataDir, "wang.fang")::sign);
        wangFang.awaitState(caseId, "COMPLETED", Duration.ofSeconds(30));
        return caseId;
    }
}
