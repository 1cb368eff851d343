package org.approvalchain.engine.identity.camunda;

import java.util.Objects;

import org.approvalchain.engine.identity.PasswordChecks;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda's directory in the database, as the engine uses it: every password it checks is reported
 * to {@link PasswordChecks} (our API's directory, Camunda's REST API and its webapps' login all
 * check passwords here), and the name people know an official by is the administrators' to keep.
 * Camunda lets every user change their own profile and delete their own user (its default grants a
 * user every permission on themselves), so an approver could appear under a colleague's name on the
 * cases they decide, or remove themselves from the directory. Here a user who is not an
 * administrator may still change their own password and e-mail address, but not their first or last
 * name ({@code USER-001}), and may not delete their user ({@code USER-002}). The engine's own code
 * (no user signed in) is not held.
 */
@Component
class GuardedDirectory extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(GuardedDirectory.class);

    private final PasswordChecks checks;

    GuardedDirectory(PasswordChecks checks) {
        this.checks = checks;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return Directory.class;
            }

            @Override
            public Session openSession() {
                return new Directory(checks);
            }
        });
    }

    /** Camunda's own directory in the database, with its password checks reported and the two refusals; one per command. */
    static class Directory extends DbIdentityServiceProvider {

        private final PasswordChecks checks;

        Directory(PasswordChecks checks) {
            this.checks = checks;
        }

        @Override
        public boolean checkPassword(String userId, String password) {
            boolean accepted = super.checkPassword(userId, password);
            checks.checked(accepted);
            return accepted;
        }

        @Override
        public IdentityOperationResult saveUser(User user) {
            if (heldUser() != null && user instanceof UserEntity entity && entity.getRevision() > 0) {
                UserEntity stored = getDbEntityManager().selectById(UserEntity.class, user.getId());
                if (stored != null && !(Objects.equals(stored.getFirstName(), user.getFirstName())
                        && Objects.equals(stored.getLastName(), user.getLastName()))) {
                    log.warn("USER-001 refused {} renaming user {}", heldUser(), user.getId());
                    throw new AuthorizationException("USER-001 the name of user " + user.getId() + " is kept by the "
                            + "administrators: ask one to change it (a user may change their own password and e-mail address)");
                }
            }
            return super.saveUser(user);
        }

        @Override
        public IdentityOperationResult deleteUser(String userId) {
            if (heldUser() != null) {
                log.warn("USER-002 refused {} deleting user {}", heldUser(), userId);
                throw new AuthorizationException("USER-002 user " + userId + " is deleted by the administrators only");
            }
            return super.deleteUser(userId);
        }

        /** The signed-in user when they are not an administrator; null otherwise. */
        private static String heldUser() {
            CommandContext context = Context.getCommandContext();
            String user = context.getAuthenticatedUserId();
            return user == null || context.getAuthorizationManager().isCamundaAdmin(context.getAuthentication()) ? null : user;
        }
    }
}
