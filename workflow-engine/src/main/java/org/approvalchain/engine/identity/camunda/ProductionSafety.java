package org.approvalchain.engine.identity.camunda;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In production no user may keep a default password (the demo's {@code demo}, or the user id as
 * the demo approvers have): start-up stops naming the users to fix.
 */
@Component
@Profile("production")
class ProductionSafety {

    private final IdentityService identity;

    ProductionSafety(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener(ApplicationStartedEvent.class)
    void refuseDefaultPasswords() {
        List<String> weak = identity.createUserQuery().list().stream().map(User::getId)
                .filter(id -> identity.checkPassword(id, "demo") || identity.checkPassword(id, id)).toList();
        if (!weak.isEmpty()) {
            throw new IllegalStateException("SECURITY-001 production refuses to start: users " + weak
                    + " have a default password (demo, or their user id); change them first");
        }
    }
}
