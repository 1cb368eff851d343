package org.approvalchain.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.Applicants;
import org.approvalchain.engine.support.Reply;
import org.approvalchain.engine.support.SharedEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What users may change of themselves through Camunda's REST API (the same for its webapps): their
 * password and e-mail address, not their name, and they may not delete themselves; an administrator
 * still may do both.
 */
@SharedEngine
class OwnProfileIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Test
    void aUserChangesTheirPasswordAndEmailButNotTheirNameNorDeletesThemselves() {
        String userId = Applicants.ensure(identity, "profile.owner");
        User before = identity.createUserQuery().userId(userId).singleResult();
        before.setFirstName("芳");
        before.setLastName("王");
        identity.saveUser(before);
        ApiClient self = ApiClient.of(base(), userId, userId);

        Reply renamed = self.request("PUT", "/engine-rest/user/" + userId + "/profile",
                Map.of("id", userId, "firstName", "局长", "lastName", "王", "email", "a@example.org"));
        assertThat(renamed.status()).as(renamed.text()).isEqualTo(403);
        assertThat(renamed.text()).contains("USER-001");
        Reply deleted = self.request("DELETE", "/engine-rest/user/" + userId, null);
        assertThat(deleted.status()).as(deleted.text()).isEqualTo(403);
        assertThat(deleted.text()).contains("USER-002");
        User unchanged = identity.createUserQuery().userId(userId).singleResult();
        assertThat(unchanged.getFirstName()).isEqualTo("芳");
        assertThat(unchanged.getLastName()).isEqualTo("王");

        Reply email = self.request("PUT", "/engine-rest/user/" + userId + "/profile", Map.of("id", userId,
                "firstName", "芳", "lastName", "王",
                "email", "owner@example.org"));
        assertThat(email.status()).as(email.text()).isEqualTo(204);
        Reply password = self.request("PUT", "/engine-rest/user/" + userId + "/credentials",
                Map.of("password", "A-new-passw0rd-2026", "authenticatedUserPassword", userId));
        assertThat(password.status()).as(password.text()).isEqualTo(204);
        assertThat(identity.checkPassword(userId, "A-new-passw0rd-2026")).isTrue();

        ApiClient admin = ApiClient.of(base(), "demo", "demo");
        Reply renamedByAdmin = admin.request("PUT", "/engine-rest/user/" + userId + "/profile",
                Map.of("id", userId, "firstName", "芬", "lastName", "王", "email", "owner@example.org"));
        assertThat(renamedByAdmin.status()).as(renamedByAdmin.text()).isEqualTo(204);
        assertThat(identity.createUserQuery().userId(userId).singleResult().getFirstName()).isEqualTo("芬");
        Reply deletedByAdmin = admin.request("DELETE", "/engine-rest/user/" + userId, null);
        assertThat(deletedByAdmin.status()).as(deletedByAdmin.text()).isEqualTo(204);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
