package org.approvalchain.engine.demo.camunda;

import org.approvalchain.engine.identity.UserDirectory;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's departments and approvers in Camunda's identity service, each group allowed into
 * Tasklist and to see process definitions (tasks themselves stay candidates-only), the designers
 * to deploy (through the legal gate, as everyone). Harmless to run
 * again: what exists is left as it is.
 */
@Component
@Profile("demo")
public class DemoUsers {

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    DemoUsers(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    /** Creates the user (password = user id) and their group unless they exist, and the group's Tasklist access. */
    public void ensure(String userId, String name, String groupId) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(groupId);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setFirstName(name);
            user.setLastName("(demo)");
            user.setPassword(userId);
            identity.saveUser(user);
            identity.createMembership(userId, groupId);
        }
        grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(groupId, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        if (UserDirectory.DESIGNERS.equals(groupId)) {
            grant(groupId, Resources.DEPLOYMENT, "*", Permissions.CREATE);
        }
    }

    private void grant(String group, Resources resource, String resourceId, Permissions permission) {
        if (authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(resourceId).count() > 0) {
            return;
        }
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        grant.addPermission(permission);
        authorizations.saveAuthorization(grant);
    }
}
