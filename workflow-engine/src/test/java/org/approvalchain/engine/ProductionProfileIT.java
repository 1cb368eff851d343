package org.approvalchain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The production profile creates no users and will not run with a default password. */
class ProductionProfileIT {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext startProduction(String... arguments) {
        String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of(
                "--approvalchain.data-dir=" + dataDir, "--server.port=0"), java.util.Arrays.stream(arguments)).toArray(String[]::new);
        return new SpringApplicationBuilder(ApprovalChainApplication.class).profiles("production").run(all);
    }

    @Test
    void createsNoUsers() {
        try (ConfigurableApplicationContext app = startProduction()) {
            assertThat(app.getBean(IdentityService.class).createUserQuery().count()).isZero();
        }
    }

    @Test
    void refusesToStartWithADefaultPassword() {
        assertThatThrownBy(() -> startProduction("--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=demo"))
                .hasStackTraceContaining("SECURITY-001").hasStackTraceContaining("[admin]");
    }
}
