package org.approvalchain.engine.api;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.approvalchain.engine.identity.UserDirectory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is signed in: the web application asks after its login and at every start (401 means "show
 * the login form"), and builds its menus from the groups.
 */
@Tag(name = "Session")
@RestController
class MeController {

    private final UserDirectory users;

    MeController(UserDirectory users) {
        this.users = users;
    }

    record Me(String userId, String displayName, List<String> groups) {
    }

    @Operation(summary = "Who am I",
            description = "The signed-in user: user id, display name, groups (the web application builds its menus "
                    + "from them).")
    @GetMapping("/api/me")
    Me me(Principal user) {
        return new Me(user.getName(), users.displayName(user.getName()), users.groupsOf(user.getName()));
    }
}
