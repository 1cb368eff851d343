package org.approvalchain.engine.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Applicants for tests: users of no group (neither officers nor administrators), password = user id. */
public final class Applicants {

    private Applicants() {
    }

    /** Creates the applicant in the identity service unless it exists; returns its user id. */
    public static String ensure(IdentityService identity, String userId) {
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setPassword(userId);
            identity.saveUser(user);
        }
        return userId;
    }
}
