package org.approvalchain.engine.process;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * The users and groups of Camunda's identity service, which our API shares with Camunda's REST
 * API, Tasklist and Cockpit: one directory, one password per user.
 */
@Component
public class UserDirectory {

    private final IdentityService identity;

    UserDirectory(IdentityService identity) {
        this.identity = identity;
    }

    /** The user's group ids when the password is right; empty otherwise. */
    public Optional<List<String>> authenticate(String userId, String password) {
        if (userId == null || password == null || !identity.checkPassword(userId, password)) {
            return Optional.empty();
        }
        return Optional.of(groupsOf(userId));
    }

    public List<String> groupsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }

    /** Whether the user is a member of {@code camunda-admin}, the administrators' group. */
    public boolean isAdmin(String userId) {
        return identity.createGroupQuery().groupMember(userId).groupId(Groups.CAMUNDA_ADMIN).count() > 0;
    }
}
