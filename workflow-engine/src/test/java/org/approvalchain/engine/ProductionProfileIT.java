package org.approvalchain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.approvalchain.engine.support.OwnEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The production profile creates no users and will not run with a default password. */
@OwnEngine
class ProductionProfileIT {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext startProduction(String... arguments) {
        String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of(
                "--approvalchain.data-dir=" + dataDir, "--server.port=0",
                // its own engine name: the shared ITs' engine is "default" (Camunda REST finds engines by name)
                "--camunda.bpm.process-engine-name=productionit"), java.util.Arrays.stream(arguments)).toArray(String[]::new);
        return new SpringApplicationBuilder(ApprovalChainApplication.class).profiles("production").run(all);
    }

    @Test
    void createsNoUsers() {
        try (ConfigurableApplicationContext app = startProduction()) {
            assertThat(app.getBean(IdentityService.class).createUserQuery().count()).isZero();
        }
    }

    @Test
    void refusesAnAdministratorPasswordShorterThanTheMinimum() {
        assertThatThrownBy(() -> startProduction("--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=demo"))
                .hasStackTraceContaining("SECURITY-002").hasStackTraceContaining("fewer than 12 characters");
    }

    @Test
    void refusesToRestartWhileUsersHaveWeakPasswordsEvenAfterFailedLogins() {
        String[] strongAdmin = {"--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=Str0ng-Adm1n-Passw0rd"};
        try (ConfigurableApplicationContext app = startProduction(strongAdmin)) {
            IdentityService identity = app.getBean(IdentityService.class);
            user(identity, "ops", "ops");
            user(identity, "root", "123456");
            user(identity, "audit", "An0ther-Str0ng-Pass");
            // failed logins make Camunda refuse even the right password for a while: the check must not log in
            identity.checkPassword("ops", "wrong");
            identity.checkPassword("root", "wrong");
        }
        assertThatThrownBy(() -> startProduction(strongAdmin))
                .hasStackTraceContaining("SECURITY-001").hasStackTraceContaining("[ops, root]");
    }

    private static void user(IdentityService identity, String id, String password) {
        User user = identity.newUser(id);
        user.setPassword(password);
        identity.saveUser(user);
    }
}
