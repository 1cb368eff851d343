package org.approvalchain.engine.identity.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.approvalchain.engine.identity.PasswordChecks;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A password Camunda accepted is accepted again without Camunda's check while the user is
 * unchanged, and only then: a wrong password, a changed password, a failed attempt's delay and a
 * deleted user are Camunda's to decide at once, and the groups are read on every request.
 */
class CamundaUserDirectoryTest {

    private static final AtomicInteger CHECKS = new AtomicInteger();
    private static final ProcessEngine ENGINE = engine();

    private final IdentityService identity = ENGINE.getIdentityService();
    private final CamundaUserDirectory directory = new CamundaUserDirectory(identity, ENGINE.getManagementService(),
            new JdbcTemplate(((ProcessEngineConfigurationImpl) ENGINE.getProcessEngineConfiguration()).getDataSource()),
            new PasswordChecks());

    @BeforeEach
    void enrol() {
        User user = identity.newUser("officer");
        user.setPassword("right");
        identity.saveUser(user);
        identity.saveGroup(identity.newGroup("officers"));
        identity.saveGroup(identity.newGroup("supervisors"));
        identity.createMembership("officer", "officers");
        CHECKS.set(0);
    }

    @AfterEach
    void remove() {
        if (identity.createUserQuery().userId("officer").count() > 0) {
            identity.deleteUser("officer");
        }
        identity.deleteGroup("officers");
        identity.deleteGroup("supervisors");
    }

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    @Test
    void aRightPasswordIsCheckedByCamundaOnceWhileTheUserIsUnchanged() {
        for (int i = 0; i < 3; i++) {
            assertThat(directory.authenticate("officer", "right")).contains(List.of("officers"));
        }
        assertThat(CHECKS).hasValue(1);
    }

    @Test
    void aWrongPasswordIsAlwaysCamundasToRefuse() {
        directory.authenticate("officer", "right");
        assertThat(directory.authenticate("officer", "wrong")).isEmpty();
        assertThat(directory.authenticate("nobody", "right")).isEmpty();
        assertThat(CHECKS).hasValue(2);
    }

    @Test
    void aChangedPasswordTakesEffectAtOnce() {
        directory.authenticate("officer", "right");
        changePassword("changed");
        assertThat(directory.authenticate("officer", "changed")).contains(List.of("officers"));
        assertThat(directory.authenticate("officer", "right")).isEmpty();
    }

    @Test
    void theOldPasswordIsRefusedStraightAfterAChange() {
        directory.authenticate("officer", "right");
        changePassword("changed");
        assertThat(directory.authenticate("officer", "right")).as("the old password, straight after the change").isEmpty();
        assertThat(CHECKS).hasValue(2);
    }

    @Test
    void aFailedAttemptDelaysEvenARememberedPassword() {
        directory.authenticate("officer", "right");
        directory.authenticate("officer", "wrong");
        assertThat(directory.authenticate("officer", "right")).as("Camunda's delay after a failed attempt").isEmpty();
    }

    @Test
    void aDeletedUserIsRefusedAtOnce() {
        directory.authenticate("officer", "right");
        identity.deleteUser("officer");
        assertThat(directory.authenticate("officer", "right")).isEmpty();
    }

    @Test
    void theGroupsAreReadOnEveryRequest() {
        directory.authenticate("officer", "right");
        identity.createMembership("officer", "supervisors");
        assertThat(directory.authenticate("officer", "right")).contains(List.of("officers", "supervisors"));
        identity.deleteMembership("officer", "officers");
        assertThat(directory.authenticate("officer", "right")).contains(List.of("supervisors"));
        assertThat(CHECKS).hasValue(1);
    }

    private void changePassword(String password) {
        User user = identity.createUserQuery().userId("officer").singleResult();
        user.setPassword(password);
        identity.saveUser(user);
    }

    private static ProcessEngine engine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("user-directory-test");
        configuration.setJdbcUrl("jdbc:h2:mem:user-directory-test;DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setJobExecutorActivate(false);
        configuration.getProcessEnginePlugins().add(new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl config) {
                config.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>(List.of(new CommandInterceptor() {
                    @Override
                    public <T> T execute(Command<T> command) {
                        if (command instanceof CheckPassword) {
                            CHECKS.incrementAndGet();
                        }
                        return next.execute(command);
                    }
                })));
            }
        });
        return configuration.buildProcessEngine();
    }
}
