package org.approvalchain.engine.identity.camunda;

import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In production no user may keep a weak password: one equal to the user id or on the deny list
 * ({@link #DENIED}), and the first administrator given in the configuration needs at least {@link
 * #MIN_LENGTH} characters. Start-up stops naming the users to fix (never their passwords). Stored
 * passwords are compared with their salted hashes directly, not by logging in, so Camunda's login
 * throttling (which makes a right password fail after a wrong one) cannot hide a weak one.
 */
@Component
@Profile("production")
class ProductionSafety {

    /** Passwords refused for every user, besides the user's own id. */
    static final List<String> DENIED = List.of("demo", "admin", "password", "camunda", "approvalchain", "changeme",
            "123456", "12345678", "123456789", "qwerty", "admin123", "password1");
    /** The shortest password the configured first administrator may have. */
    static final int MIN_LENGTH = 12;

    private final IdentityService identity;
    private final PasswordManager passwords;
    private final Environment environment;

    ProductionSafety(IdentityService identity, ProcessEngine engine, Environment environment) {
        this.identity = identity;
        this.passwords = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getPasswordManager();
        this.environment = environment;
    }

    @EventListener(ApplicationStartedEvent.class)
    void refuseWeakPasswords() {
        String admin = environment.getProperty("camunda.bpm.admin-user.password");
        if (admin != null && admin.length() < MIN_LENGTH) {
            throw new IllegalStateException("SECURITY-002 production refuses to start: the administrator's password "
                    + "(camunda.bpm.admin-user.password) has fewer than " + MIN_LENGTH + " characters");
        }
        List<String> weak = identity.createUserQuery().list().stream().map(UserEntity.class::cast)
                .filter(this::hasWeakPassword).map(UserEntity::getId).toList();
        if (!weak.isEmpty()) {
            throw new IllegalStateException("SECURITY-001 production refuses to start: users " + weak
                    + " have a weak password (their user id, or one of " + DENIED + "); change them first");
        }
    }

    private boolean hasWeakPassword(UserEntity user) {
        return user.getPassword() != null && Stream.concat(Stream.of(user.getId()), DENIED.stream())
                .anyMatch(candidate -> passwords.check(EncryptionUtil.saltPassword(candidate, user.getSalt()), user.getPassword()));
    }
}
